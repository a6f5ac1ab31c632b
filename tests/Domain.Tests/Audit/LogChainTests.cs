using AccessReviewFunctions.Domain.Audit;

namespace AccessReviewFunctions.Domain.Tests.Audit;

public sealed class LogChainTests
{
    private static (List<ChainLink> Links, ChainHead Head) Chain(int count)
    {
        var head = ChainHead.Empty;
        var links = new List<ChainLink>();
        for (var i = 0; i < count; i++)
        {
            var link = LogChain.Append(head, $"k{i}", $"{{\"n\":{i}}}");
            links.Add(link);
            head = new ChainHead(link.Sequence, link.Hash);
        }

        return (links, head);
    }

    [Fact]
    public void Verify_IntactChainInAnyOrder_NoBreak()
    {
        var (links, head) = Chain(5);
        links.Reverse();
        Assert.Null(LogChain.Verify("b", links, head));
    }

    [Fact]
    public void Verify_TextEdited_BreaksAtThatEntry()
    {
        var (links, head) = Chain(5);
        links[2] = links[2] with { Text = "{\"n\":99}" };
        Assert.Equal(new ChainBreak("b", 3, "k2", "entry was changed after it was written"), LogChain.Verify("b", links, head));
    }

    [Fact]
    public void Verify_EntryAndItsHashRewritten_NextEntryBreaks()
    {
        var (links, head) = Chain(5);
        var forged = links[2] with { Text = "{\"n\":99}" };
        links[2] = forged with { Hash = LogChain.Hash(forged.PreviousHash, forged.Sequence, forged.Key, forged.Text) };
        Assert.Equal(new ChainBreak("b", 4, "k3", "previous hash does not match the previous entry"), LogChain.Verify("b", links, head));
    }

    [Fact]
    public void Verify_MiddleDeleted_ReportsMissingSequence()
    {
        var (links, head) = Chain(5);
        links.RemoveAt(1);
        Assert.Equal(new ChainBreak("b", 2, "k2", "entry 2 is missing"), LogChain.Verify("b", links, head));
    }

    [Fact]
    public void Verify_LastDeleted_HeadDisagrees()
    {
        var (links, head) = Chain(3);
        links.RemoveAt(2);
        Assert.Equal(new ChainBreak("b", 3, null, "entry 3 is missing (the head counts 3)"), LogChain.Verify("b", links, head));
    }
}
