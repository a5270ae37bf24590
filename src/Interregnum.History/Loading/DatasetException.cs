namespace Interregnum.History.Loading;

/// <summary>
/// A dataset could not be read at all: its file is missing, unreadable, or lacks a column the loader needs.
/// The message names the file (and the column) and, for a missing file, where to get the dataset.
/// Row-level problems do not throw: they are counted in <see cref="LoadResult{T}.Skipped"/>.
/// </summary>
public sealed class DatasetException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DatasetException(string message, DatasetInfo dataset, bool isMissing)
        : base(message)
    {
        Dataset = dataset;
        IsMissing = isMissing;
    }

    /// <summary>The dataset concerned.</summary>
    public DatasetInfo Dataset { get; }

    /// <summary>True when the file (or the whole data folder) is missing, false when it is present but unreadable.</summary>
    public bool IsMissing { get; }
}
