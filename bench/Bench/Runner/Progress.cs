namespace AccessReviewFunctions.Bench;

/// <summary>A progress bar on the terminal (one line, rewritten), or a line every few seconds when output is redirected.</summary>
internal static class Progress
{
    private static readonly Lock Gate = new();
    private static long lastLine;

    public static void Report(string what, long done, long total)
    {
        lock (Gate)
        {
            var fraction = total <= 0 ? 0 : Math.Clamp((double)done / total, 0, 1);
            var text = $"  [{new string('#', (int)(fraction * 30)),-30}] {done:N0}/{total:N0} {what}";
            if (!Console.IsOutputRedirected)
            {
                Console.Write($"\r{text,-100}");
            }
            else if (Environment.TickCount64 - lastLine > 5000 || done >= total)
            {
                Console.WriteLine(text);
                lastLine = Environment.TickCount64;
            }
        }
    }

    /// <summary>Ends a bar's line (a no-op when output is redirected).</summary>
    public static void Done()
    {
        lock (Gate)
        {
            if (!Console.IsOutputRedirected)
            {
                Console.WriteLine();
            }
        }
    }

    public static void Say(string text)
    {
        lock (Gate)
        {
            Console.WriteLine(Console.IsOutputRedirected ? text : $"\r{text,-100}");
        }
    }
}
