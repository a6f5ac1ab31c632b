namespace AccessReviewFunctions.Functions.Runtime.Queues;

/// <summary>A message that can never be handled (not an envelope, unknown type, bad body): it goes straight to poison.</summary>
internal sealed class PoisonMessageException : Exception
{
    public PoisonMessageException(string message)
        : base(message)
    {
    }

    public PoisonMessageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PoisonMessageException()
    {
    }
}
