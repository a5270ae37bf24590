using Xunit;

namespace Interregnum.Testing;

/// <summary>
/// Finds the historical datasets and KTAB test vectors for tests.
/// Where INTERREGNUM_DATA is set (CI sets it to ../shared/data), a missing file fails the test;
/// where it is unset (a user's fresh clone), the test is skipped with a stated reason.
/// </summary>
internal static class TestData
{
    public const string Variable = "INTERREGNUM_DATA";

    /// <summary>The data folder, or skips the calling test when INTERREGNUM_DATA is unset.</summary>
    public static string Folder()
    {
        var dir = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(dir))
        {
            Assert.Skip($"{Variable} is not set: this test reads the historical datasets (see README, 'Data').");
        }

        Assert.True(Directory.Exists(dir), $"{Variable}={dir} does not exist.");
        return Path.GetFullPath(dir);
    }

    /// <summary>A file under the data folder; fails when INTERREGNUM_DATA is set and the file is missing.</summary>
    public static string File(params string[] parts)
    {
        var path = Path.Combine([Folder(), .. parts]);
        Assert.True(System.IO.File.Exists(path), $"Expected data file is missing: {path}");
        return path;
    }

    /// <summary>
    /// A test vector vendored in the repository under tests/ (e.g. tests/ktab-smp, KTAB's reference games):
    /// present in every clone, so the test never skips; a missing file fails.
    /// </summary>
    public static string Vendored(params string[] parts)
    {
        var path = Path.Combine([RepositoryRoot(), "tests", .. parts]);
        Assert.True(System.IO.File.Exists(path), $"Vendored test file is missing: {path}");
        return path;
    }

    /// <summary>The repository root (the folder holding Interregnum.slnx).</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "Interregnum.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found above " + AppContext.BaseDirectory);
    }
}
