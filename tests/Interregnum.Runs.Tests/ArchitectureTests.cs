using System.Xml.Linq;
using Interregnum.Testing;
using Xunit;

namespace Interregnum.Runs.Tests;

/// <summary>
/// The dependency rule of docs/architecture.md, read from the projects' files: which project may reference which
/// project and which package. A new reference that breaks the rule fails here; a new project must be added below.
/// </summary>
public sealed class ArchitectureTests
{
    // Project -> the projects it may reference. The core references none of the others; the application layer
    // (Runs) sits above the libraries; only front ends (the CLI) sit above it.
    private static readonly Dictionary<string, string[]> AllowedProjects = new(StringComparer.Ordinal)
    {
        ["Interregnum"] = [],
        ["Interregnum.Scenarios"] = ["Interregnum"],
        ["Interregnum.History"] = ["Interregnum"],
        ["Interregnum.Store"] = ["Interregnum"],
        ["Interregnum.Reports"] = ["Interregnum"],
        ["Interregnum.Runs"] = ["Interregnum", "Interregnum.Scenarios", "Interregnum.History", "Interregnum.Store", "Interregnum.Reports"],
        ["Interregnum.Web"] = ["Interregnum", "Interregnum.Scenarios", "Interregnum.History", "Interregnum.Store", "Interregnum.Reports", "Interregnum.Runs"],
        ["Interregnum.Cli"] = ["Interregnum", "Interregnum.Scenarios", "Interregnum.History", "Interregnum.Store", "Interregnum.Reports", "Interregnum.Runs", "Interregnum.Web"],
    };

    // Shared frameworks only some projects may use: the web stack in the workbench alone.
    private static readonly Dictionary<string, string[]> FrameworkOwners = new(StringComparer.Ordinal)
    {
        ["Microsoft.AspNetCore.App"] = ["Interregnum.Web"],
    };

    // Packages only some projects may use: charting in Reports alone, console and command-line parsing in the CLI alone.
    private static readonly Dictionary<string, string[]> PackageOwners = new(StringComparer.Ordinal)
    {
        ["ScottPlot"] = ["Interregnum.Reports"],
        ["Spectre.Console"] = ["Interregnum.Cli"],
        ["System.CommandLine"] = ["Interregnum.Cli"],
        ["YamlDotNet"] = ["Interregnum.Scenarios"],
        ["Microsoft.Data.Sqlite"] = ["Interregnum.Store"],
        ["Npgsql"] = ["Interregnum.Store"],
    };

    public static TheoryData<string> Projects() => [.. ProjectFiles().Select(Path.GetFileNameWithoutExtension).OfType<string>()];

    private static IEnumerable<string> ProjectFiles() =>
        Directory.GetFiles(Path.Combine(TestData.RepositoryRoot(), "src"), "*.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    private static XDocument Load(string project) =>
        XDocument.Load(ProjectFiles().Single(f => Path.GetFileNameWithoutExtension(f) == project));

    [Theory]
    [MemberData(nameof(Projects))]
    public void ProjectReferences_EachSourceProject_OnlyThoseTheRuleAllows(string project)
    {
        Assert.True(AllowedProjects.TryGetValue(project, out var allowed), $"{project} is not in the dependency rule: add it to docs/architecture.md and to this test");
        var referenced = Load(project).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();

        Assert.All(referenced, r => Assert.True(allowed.Contains(r), $"{project} references {r}; docs/architecture.md allows only: {string.Join(", ", allowed)}"));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void PackageReferences_EachSourceProject_OwnedPackagesOnlyWhereTheRuleAllows(string project)
    {
        var packages = Load(project).Descendants("PackageReference").Select(r => r.Attribute("Include")!.Value).ToList();

        foreach (var package in packages)
        {
            if (PackageOwners.TryGetValue(package, out var owners))
            {
                Assert.True(owners.Contains(project), $"{project} uses {package}, which docs/architecture.md keeps to {string.Join(", ", owners)}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void FrameworkReferences_EachSourceProject_OnlyWhereTheRuleAllows(string project)
    {
        var frameworks = Load(project).Descendants("FrameworkReference").Select(r => r.Attribute("Include")!.Value).ToList();

        foreach (var framework in frameworks)
        {
            Assert.True(
                FrameworkOwners.TryGetValue(framework, out var owners) && owners.Contains(project),
                $"{project} uses the shared framework {framework}, which docs/architecture.md keeps to {(owners is null ? "no project" : string.Join(", ", owners))}");
        }
    }

    [Fact]
    public void Assemblies_RunsAndHistory_LoadNoConsoleParserOrChartingAssembly()
    {
        // The compiled references, transitive through project references as the build resolved them.
        var runs = typeof(RunJson).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
        var history = typeof(History.HistoricalData).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.DoesNotContain("Spectre.Console", runs);
        Assert.DoesNotContain("System.CommandLine", runs);
        Assert.DoesNotContain("Interregnum.Cli", runs);
        Assert.DoesNotContain("Interregnum.Web", runs);
        Assert.DoesNotContain(runs, a => a?.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) == true);
        Assert.DoesNotContain("ScottPlot", history);
    }

    // The libraries and the core: the CLI reaches them only through Interregnum.Runs (docs/architecture.md).
    private static readonly string[] BelowRuns = ["Interregnum", "Interregnum.Scenarios", "Interregnum.History", "Interregnum.Store", "Interregnum.Reports"];

    // Types of those assemblies the CLI may still name in its IL: values it passes to or gets from Interregnum.Runs
    // (option enums, settings, records it prints). Each entry says why.
    private static readonly Dictionary<string, string> CliMayName = new(StringComparer.Ordinal)
    {
    };

    /// <summary>The members of the libraries and the core that <paramref name="assemblyPath"/> calls other than through the allowed types.</summary>
    private static List<string> CallsBelowRuns(string assemblyPath) =>
        [.. AssemblyCalls.Of(assemblyPath)
            .Where(m => BelowRuns.Contains(m.Assembly) && !CliMayName.ContainsKey(m.Type))
            .Select(m => m.ToString())
            .Order(StringComparer.Ordinal)];

    [Fact]
    public void Cli_CompiledCalls_ReachTheLibrariesOnlyThroughRuns()
    {
        // Given the compiled CLI (the test project references it, so it is built first)
        var cli = typeof(Interregnum.Cli.ExitCodes).Assembly.Location;

        // When its member references are read from its IL
        var calls = CallsBelowRuns(cli);

        // Then none goes below Interregnum.Runs, except through the allow-listed types
        Assert.True(calls.Count == 0, "the CLI calls below Interregnum.Runs (move the logic into Runs, or allow the type with a reason):\n" + string.Join("\n", calls));
    }
}
