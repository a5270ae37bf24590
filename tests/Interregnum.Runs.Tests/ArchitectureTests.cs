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

    // Types of those assemblies whose values the CLI may build and read (constructors, property getters, a record's
    // own members such as Equals or Deconstruct) but not call methods of: requests it passes to Interregnum.Runs and
    // results it prints. Each says why.
    private static readonly Dictionary<string, string> CliValueTypes = new(StringComparer.Ordinal)
    {
        ["Interregnum.Simulation.SimulationSettings"] = "the request's settings: draws, seed, model, threads (parsed from options)",
        ["Interregnum.Model.Scenario"] = "the loaded scenario's title, id, incumbent, instruments and exit-risk section, for headings and checks",
        ["Interregnum.Model.Shock"] = "a shock's id, for progress labels",
        ["Interregnum.Model.Instrument"] = "an instrument's id, for column headings",
        ["Interregnum.Power.PowerTable"] = "the power accounting PowerRun returns, printed",
        ["Interregnum.Power.PowerRow"] = "one actor's row of it, printed",
        ["Interregnum.Bargaining.SmpInput"] = "the game's actor and dimension names, printed",
        ["Interregnum.Bargaining.SmpResult"] = "the bargain result BargainRun returns, printed",
        ["Interregnum.Bargaining.EuResult"] = "the bargain result BargainRun returns, printed",
        ["Interregnum.Bargaining.EuRound"] = "the bargain result BargainRun returns, printed",
        ["Interregnum.Bargaining.CompromiseForecast"] = "the bargain result BargainRun returns, printed",
        ["Interregnum.Statistics.KaplanMeierCurve"] = "a survival curve HistoryRun returns, printed",
        ["Interregnum.Statistics.SurvivalStep"] = "a step of it, printed",
        ["Interregnum.Statistics.CoxFit"] = "the Cox model HistoryRun returns, printed",
        ["Interregnum.Statistics.CoxCoefficient"] = "a coefficient of it, printed",
        ["Interregnum.Scenarios.Backtesting.BacktestCaseReadResult"] = "a backtest case that did not read, with its problems, printed",
        ["Interregnum.History.ReferenceClasses.ReferenceClass"] = "the reference class HistoryRun.Filter builds from the options, printed",
        ["Interregnum.History.ReferenceClasses.BaseRate"] = "a base rate HistoryRun returns, printed",
        ["Interregnum.History.ReferenceClasses.HistoricalCase"] = "a case behind it, printed",
        ["Interregnum.History.Survival.SurvivalGroup"] = "a survival group HistoryRun returns, printed",
        ["Interregnum.History.Replication.RegressionResult"] = "a replicated table HistoryRun returns, printed",
        ["Interregnum.History.Replication.Coefficient"] = "a coefficient of it, printed",
        ["Interregnum.History.Replication.PublishedTerm"] = "the published value beside it, printed",
        ["Interregnum.History.Loading.DatasetInfo"] = "a dataset's key, files and origin, printed",
        ["Interregnum.History.ExitRisk.ExitRiskBacktestSettings"] = "the exit-risk backtest's settings (parsed from options)",
        ["Interregnum.History.ExitRisk.QuantileBin"] = "a calibration bin of the exit-risk backtest, printed",
        ["Interregnum.Store.RunRecord"] = "a stored run, printed or recorded",
        ["Interregnum.Store.RunSummary"] = "a row of the stored-run list, printed",
        ["Interregnum.Store.RunFilter"] = "the stored-run list's filter (parsed from options)",
        ["Interregnum.Store.RunDiff"] = "what changed between two runs (StoredRuns.Diff), printed",
        ["Interregnum.Store.InputChange"] = "a part of it, printed",
        ["Interregnum.Store.ResultChange"] = "a part of it, printed",
        ["Interregnum.Store.LineDiff"] = "a part of it, printed",
        ["Interregnum.Store.LineChange"] = "a part of it, printed",
        ["Interregnum.Store.JsonLeaf"] = "a result value (StoredRuns.Results), printed",
        ["Interregnum.Store.JsonLeafChange"] = "a changed result value (StoredRuns.Differences), printed",
    };

    // Methods of those assemblies the CLI may call: names and texts for options and output, no computation.
    private static readonly Dictionary<string, string> CliMayCall = new(StringComparer.Ordinal)
    {
        ["Interregnum.Store.RunKindText::ToText"] = "a run kind's name, printed",
        ["Interregnum.Store.RunKindText::TryParse"] = "a run kind from its name (--kind)",
        ["Interregnum.History.ReferenceClasses.ReferenceClass::Describe"] = "the reference class in words, printed",
        ["Interregnum.History.ReferenceClasses.ReferenceClass::get_ExitManners"] = "the names an option accepts, in its help",
        ["Interregnum.History.ReferenceClasses.ReferenceClass::get_EntryManners"] = "the names an option accepts, in its help",
        ["Interregnum.History.ReferenceClasses.Regions::get_Names"] = "the names an option accepts, in its help",
        ["Interregnum.History.ReferenceClasses.OutsideView::get_Outcomes"] = "the names an option accepts, in its help",
        ["Interregnum.History.ExitRisk.ExitRiskBacktestSettings::Validate"] = "checks the options, as a parse step",
        ["Interregnum.History.HistoricalData::get_Skipped"] = "the malformed rows skipped while loading, printed",
        ["Interregnum.History.ExitRisk.LeaderYearPanel::get_Rows"] = "the panel's size, passed back to ExitRiskRun",
        ["Interregnum.Backtesting.Forecasters::get_Rivals"] = "the rivals' names, to pick the best rival's column",
    };

    // A record's own members: reading and comparing a value is not calling into the library.
    private static bool IsValueMember(string member) =>
        member is ".ctor" or "Equals" or "GetHashCode" or "ToString" or "Deconstruct" or "op_Equality" or "op_Inequality" or "<Clone>$"
        || member.StartsWith("get_", StringComparison.Ordinal);

    /// <summary>The members of the libraries and the core in <paramref name="members"/> that the rule does not allow the CLI.</summary>
    private static List<string> CallsBelowRuns(IEnumerable<ExternalMember> members) =>
        [.. members
            .Where(m => BelowRuns.Contains(m.Assembly))
            .Where(m => !CliMayCall.ContainsKey(m.Type + "::" + m.Member) && !(CliValueTypes.ContainsKey(m.Type) && IsValueMember(m.Member)))
            .Select(m => m.ToString())
            .Order(StringComparer.Ordinal)];

    [Fact]
    public void Cli_CompiledCalls_ReachTheLibrariesOnlyThroughRuns()
    {
        // Given the compiled CLI (the test project references it, so it is built first)
        var cli = typeof(Interregnum.Cli.ExitCodes).Assembly.Location;

        // When its member references are read from its IL
        var calls = CallsBelowRuns(AssemblyCalls.Of(cli));

        // Then none goes below Interregnum.Runs other than the allowed values and names
        Assert.True(calls.Count == 0, "the CLI calls below Interregnum.Runs (move the logic into Runs, or allow the value type with a reason):\n" + string.Join("\n", calls));
    }

    [Fact]
    public void CallsBelowRuns_RunsAssemblyItself_FindsItsRealCallsIntoTheStoreAndScenarioReader()
    {
        // Given an assembly that does call below Runs: Runs itself (StoredRuns opens the store, ScenarioFiles reads scenarios)
        var runs = typeof(RunJson).Assembly.Location;

        // When the CLI's rule is applied to its IL
        var calls = CallsBelowRuns(AssemblyCalls.Of(runs));

        // Then those calls are found: the reader sees real call sites, and the rule can fail
        Assert.Contains("[Interregnum.Store] Interregnum.Store.RunStoreFactory::Open", calls);
        Assert.Contains("[Interregnum.Scenarios] Interregnum.Scenarios.ScenarioReader::ReadFile", calls);
    }

    [Theory]
    [InlineData("Interregnum.Store", "Interregnum.Store.RunStoreFactory", "Open", false)]
    [InlineData("Interregnum.Store", "Interregnum.Store.RunRecord", "get_ResultsJson", true)]
    [InlineData("Interregnum.Store", "Interregnum.Store.RunRecord", "SomeMethod", false)]
    [InlineData("Interregnum", "Interregnum.Simulation.SuccessionSimulation", "Run", false)]
    [InlineData("Interregnum", "Interregnum.Simulation.SimulationSettings", ".ctor", true)]
    [InlineData("Interregnum.History", "Interregnum.History.ReferenceClasses.ReferenceClass", "Describe", true)]
    [InlineData("Interregnum.History", "Interregnum.History.ReferenceClasses.ReferenceClass", "Validate", false)]
    [InlineData("Interregnum.Reports", "Interregnum.Reports.ReliabilityChart", "SavePng", false)]
    [InlineData("Interregnum.Runs", "Interregnum.Runs.SimulateRun", "Compute", true)]
    [InlineData("System.Runtime", "System.String", "Concat", true)]
    public void CallsBelowRuns_SyntheticMember_AllowedOnlyAsAValueOrAName(string assembly, string type, string member, bool allowed)
    {
        var calls = CallsBelowRuns([new ExternalMember(assembly, type, member)]);

        Assert.Equal(allowed, calls.Count == 0);
    }
}
