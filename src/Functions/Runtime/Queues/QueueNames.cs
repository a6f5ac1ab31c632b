namespace AccessReviewFunctions.Functions.Runtime.Queues;

internal static class QueueNames
{
    /// <summary>Where a queue's messages go when they can't be handled: "&lt;queue&gt;-poison", as Azure Functions names it.</summary>
    public static string Poison(string queue) => queue + "-poison";
}
