namespace Interregnum.Web;

/// <summary>
/// The backtest cases the workbench may run: case folders (holding a scenario.yaml) directly in the cases folder,
/// by name; paths, "..", hidden folders and links are not cases.
/// </summary>
internal sealed class CaseFolder(DirectoryInfo? folder)
{
    private readonly string? root = folder is null ? null : Path.GetFullPath(folder.FullName);

    /// <summary>The cases folder, or null when the workbench has none.</summary>
    public string? Root => root;

    /// <summary>The folder's name as stored with a run.</summary>
    public string Name => root is null ? "" : Path.GetFileName(Path.TrimEndingDirectorySeparator(root));

    /// <summary>The case names, sorted.</summary>
    public IReadOnlyList<string> Names() =>
        root is not null && Directory.Exists(root)
            ? [.. Directory.EnumerateDirectories(root).Select(Path.GetFileName).OfType<string>().Where(n => Resolve(n) is not null).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>The case folder called <paramref name="name"/>, or null when it is not a plain case folder directly in the cases folder.</summary>
    public string? Resolve(string? name)
    {
        if (root is null || string.IsNullOrEmpty(name) || name != Path.GetFileName(name) || name.Contains('\\', StringComparison.Ordinal) || name.StartsWith('.'))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(root, name));
        if (!string.Equals(Path.GetDirectoryName(full), Path.TrimEndingDirectorySeparator(root), StringComparison.Ordinal))
        {
            return null;
        }

        var info = new DirectoryInfo(full);
        return info.Exists && info.LinkTarget is null && File.Exists(Path.Combine(full, "scenario.yaml")) ? full : null;
    }
}
