using System.Security.Cryptography;
using AccessReviewFunctions.Domain.Ids;

namespace AccessReviewFunctions.Functions.Common;

/// <summary>New time-ordered Okta-style ids (sar…, srh…) from the injected clock and a cryptographic random source.</summary>
internal sealed class IdGenerator(TimeProvider clock)
{
    public string New(string prefix)
    {
        Span<byte> random = stackalloc byte[16];
        RandomNumberGenerator.Fill(random);
        return PrefixedIds.New(prefix, clock.GetUtcNow(), random);
    }
}
