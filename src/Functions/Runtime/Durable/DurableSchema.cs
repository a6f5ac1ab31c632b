namespace AccessReviewFunctions.Functions.Runtime.Durable;

/// <summary>A kind of durable state: the table whose partitions hold one instance each.</summary>
internal interface IDurableSchema
{
    string Table { get; }
}

/// <summary>How one kind of durable state is kept in its partition's header row.</summary>
internal interface IPartitionSchema<TState> : IDurableSchema
{
    /// <summary>The partition key: the instance's id.</summary>
    string Id(TState state);

    /// <summary>The header's columns: the state itself, and whatever cross-partition queries filter on.</summary>
    IReadOnlyDictionary<string, object?> HeaderColumns(TState state);

    TState Read(Row header);
}

/// <summary>A state and its header's ETag; Committed when the step that returned it wrote it.</summary>
internal sealed record Durable<TState>(TState State, string ETag, bool Committed = false);

/// <summary>What one step decided: the new state, the other rows it writes with it, and the messages it causes.</summary>
internal sealed record DurableChange<TState>(TState State, IReadOnlyList<RowChange> Rows, IReadOnlyList<OutgoingMessage> Outbox);

/// <summary>The message that would cause this commit was already processed: the commit is a duplicate.</summary>
internal sealed class DuplicateMessageException(string messageId)
    : Exception($"Message {messageId} was already processed")
{
}
