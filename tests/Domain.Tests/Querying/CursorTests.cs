using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Querying;
using static AccessReviewFunctions.Domain.Tests.Querying.QueryFixtures;

namespace AccessReviewFunctions.Domain.Tests.Querying;

public class CursorTests
{
    private static readonly OrderBy ByCreated = new("created", SortDirection.Asc);

    public static TheoryData<SortKey> Keys =>
    [
        SortKey.Null,
        SortKey.Of("GitHub | Admins 1:2 \u00e9\ud83d\ude00"),
        SortKey.Of(""),
        SortKey.Of(May24),
        SortKey.Of(DateTimeOffset.MinValue),
        SortKey.Of(DateTimeOffset.MaxValue),
        SortKey.Of(-12.50m),
        SortKey.Of(decimal.MaxValue),
    ];

    [Theory]
    [MemberData(nameof(Keys))]
    public void Encode_ThenDecode_RoundTrips(SortKey key)
    {
        var cursor = new Cursor(ByCreated, key, "id|with:odd 12:chars");

        var encoded = cursor.Encode();

        Assert.Matches("^[A-Za-z0-9_-]+$", encoded);
        var decoded = Cursor.Decode(encoded, ByCreated);
        Assert.Equal(cursor, decoded);
        Assert.Equal(0, key.CompareTo(decoded.Key));
    }

    [Fact]
    public void Decode_MadeForOtherOrderBy_Throws()
    {
        var encoded = new Cursor(ByCreated, SortKey.Of(May24), "r1").Encode();

        Assert.Equal("after: invalid cursor", CauseOf(() => Cursor.Decode(encoded, ByCreated with { Direction = SortDirection.Desc })));
        Assert.Equal("after: invalid cursor", CauseOf(() => Cursor.Decode(encoded, new OrderBy("name", SortDirection.Asc))));
    }

    [Fact]
    public void Decode_AnySingleCharacterChanged_Throws()
    {
        var encoded = new Cursor(ByCreated, SortKey.Of(May24), "r1").Encode();
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

        for (var i = 0; i < encoded.Length; i++)
        {
            foreach (var c in alphabet.Where(c => c != encoded[i]))
            {
                var tampered = encoded[..i] + c + encoded[(i + 1)..];
                Assert.Equal("after: invalid cursor", CauseOf(() => Cursor.Decode(tampered, ByCreated)));
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("00u68w6vzKLultXS97g6")]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    [InlineData("====")]
    public void Decode_Garbage_Throws(string text) =>
        Assert.Equal("after: invalid cursor", CauseOf(() => Cursor.Decode(text, ByCreated)));

    [Fact]
    public void Decode_TwentyThousandRandomInputs_OnlyDecodesOrThrowsDomainException()
    {
        var random = new Random(7);
        var valid = new Cursor(ByCreated, SortKey.Of(May24), "r1").Encode();
        var rejected = 0;

        for (var i = 0; i < 20_000; i++)
        {
            var input = (i % 3) switch
            {
                0 => Mutate(random, valid),
                1 => RandomText(random, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/ "),
                _ => Convert.ToBase64String(RandomPayload(random)).Replace('+', '-').Replace('/', '_').TrimEnd('='),
            };

            try
            {
                Cursor.Decode(input, ByCreated);
            }
            catch (DomainException e)
            {
                Assert.Equal(["after: invalid cursor"], e.Causes.Select(c => c.ToString()));
                rejected++;
            }
        }

        Assert.True(rejected > 19_000);
    }

    private static string Mutate(Random random, string text)
    {
        var chars = text.ToList();
        var at = random.Next(chars.Count);
        switch (random.Next(3))
        {
            case 0:
                chars.RemoveAt(at);
                break;
            case 1:
                chars.Insert(at, (char)random.Next(32, 127));
                break;
            default:
                chars[at] = (char)random.Next(0, 0x10000);
                break;
        }

        return new string(chars.ToArray());
    }

    private static string RandomText(Random random, string alphabet)
    {
        var chars = new char[random.Next(0, 80)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    private static byte[] RandomPayload(Random random)
    {
        // Structured-looking payloads reach the part and key parsers, not only the base64 check.
        string[] pieces = ["1:1", "11:created asc", "11:created desc", "9:d", "s", "n", "z", "2:r1", ":", "99999:", "-1:", "00000000", "1:"];
        var text = string.Concat(Enumerable.Range(0, random.Next(1, 8)).Select(_ => pieces[random.Next(pieces.Length)]));
        return System.Text.Encoding.UTF8.GetBytes(text);
    }
}
