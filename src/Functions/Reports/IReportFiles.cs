namespace AccessReviewFunctions.Functions.Reports;

/// <summary>Where report files live: each part a file written as a stream, read back in order as one file.</summary>
internal interface IReportFiles
{
    /// <summary>A stream that writes the file as it goes; the file is whole once the stream is disposed.</summary>
    Task<Stream> OpenWriteAsync(string name, CancellationToken cancellationToken);

    /// <summary>Copies the files, in order, to the destination.</summary>
    Task CopyToAsync(IReadOnlyList<string> names, Stream destination, CancellationToken cancellationToken);

    /// <summary>Every file of the report, written or left behind by an attempt that stopped.</summary>
    Task DeleteAllAsync(string reportId, CancellationToken cancellationToken);
}
