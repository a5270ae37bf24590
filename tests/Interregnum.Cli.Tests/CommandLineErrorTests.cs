using System.CommandLine;
using Xunit;

namespace Interregnum.Cli.Tests;

/// <summary>
/// A bad command line is one line in words and exit 2 (issue 15, defects 1, 2, 3 and 8): every numeric or choice
/// option of every command, given a value it cannot take, says what was given and what is allowed, and never a
/// .NET type name or a stack trace.
/// </summary>
public sealed class CommandLineErrorTests
{
    private static string Teaching => Cli.Repo("scenarios", "teaching.yaml");

    /// <summary>Every (command path, option) whose value is a number or a choice, from the real command tree.</summary>
    public static TheoryData<string, string> TypedOptions()
    {
        var data = new TheoryData<string, string>();
        void Walk(Command command, string path)
        {
            foreach (var option in command.Options)
            {
                var type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
                if (type.IsEnum || type == typeof(int) || type == typeof(long) || type == typeof(ulong) || type == typeof(double))
                {
                    data.Add(path, option.Name);
                }
            }

            foreach (var sub in command.Subcommands)
            {
                Walk(sub, (path + " " + sub.Name).Trim());
            }
        }

        Walk(Program.BuildRoot(), string.Empty);
        return data;
    }

    private static string[] Invocation(string path, params string[] tail)
    {
        // Required arguments get a harmless value of their type; parsing fails on the option before anything runs.
        var command = path.Split(' ').Aggregate((Command)Program.BuildRoot(), (c, name) => c.Subcommands.Single(s => s.Name == name));
        var arguments = command.Arguments.Select(a => a.ValueType == typeof(long) ? "1" : a.ValueType == typeof(DirectoryInfo) ? "." : "x");
        var required = command.Options.Where(o => o.Required && o.Name != tail[0]).SelectMany(o => new[] { o.Name, "x" });
        return [.. path.Split(' '), .. arguments, .. required, .. tail];
    }

    [Fact]
    public void TypedOptions_CoverEveryForecastCommand()
    {
        var options = TypedOptions().Select(row => row.Data).ToList();
        Assert.Contains(("simulate", "--draws"), options);
        Assert.Contains(("simulate", "--seed"), options);
        Assert.Contains(("simulate", "--model"), options);
        Assert.Contains(("compare", "--format"), options);
        Assert.Contains(("report", "--sensitivity-draws"), options);
        Assert.Contains(("history base-rates", "--min-tenure"), options);
    }

    [Theory]
    [MemberData(nameof(TypedOptions))]
    public void AnyTypedOption_ValueNotOfItsKind_OneLineInWordsExit2(string command, string option)
    {
        // When
        var (code, output, error) = Cli.Run(Invocation(command, option, "abc"));

        // Then
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        var line = Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"error: option {option}: 'abc' is not ", line, StringComparison.Ordinal);
        Assert.Contains("; give ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Interregnum.", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--draws", "abc", "error: option --draws: 'abc' is not a whole number; give a whole number from 1 to 1,000,000")]
    [InlineData("--draws", "2147483648", "error: option --draws: 2147483648 is out of range; give a whole number from 1 to 1,000,000")]
    [InlineData("--draws", "0", "error: option --draws: 0 is out of range; give a whole number from 1 to 1,000,000")]
    [InlineData("--draws", "100000000", "error: option --draws: 100000000 is out of range; give a whole number from 1 to 1,000,000")]
    [InlineData("--seed", "-1", "error: option --seed: -1 is out of range; give a whole number from 0 to 18446744073709551615")]
    [InlineData("--seed", "1.5", "error: option --seed: '1.5' is not a whole number; give a whole number from 0 to 18446744073709551615")]
    [InlineData("--model", "ktab", "error: option --model: 'ktab' is not one of the choices; give smp, compromise or eu")]
    [InlineData("--format", "yaml", "error: option --format: 'yaml' is not one of the choices; give table, json or csv")]
    [InlineData("--until-se", "nan", "error: option --until-se: 'nan' is not a number; give a number from 0.000001 to 0.5")]
    public void Simulate_BadValue_SaysWhatIsAllowedAndExits2(string option, string value, string expectedStart)
    {
        var (code, _, error) = Cli.Run("simulate", Teaching, option, value, "--no-store");

        Assert.Equal(2, code);
        var line = Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith(expectedStart, line, StringComparison.Ordinal);
        Assert.EndsWith("(usage: interregnum simulate --help)", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_MaximumDraws_IsAccepted()
    {
        // The cap is a range, not a trap: its own value parses (checked without running a million draws).
        var parsed = Program.BuildRoot().Parse(["simulate", Teaching, "--draws", "1000000"]);

        Assert.Empty(parsed.Errors);
    }

    [Theory]
    [InlineData("simulate")]
    [InlineData("compare")]
    [InlineData("sensitivity")]
    [InlineData("report")]
    public void ForecastCommand_FolderAsScenario_SaysItIsAFolder(string command)
    {
        // Given the scenarios folder instead of a file in it
        var folder = Cli.Repo("scenarios");
        string[] args = command == "report"
            ? [command, folder, "--out", Path.Combine(Path.GetTempPath(), "never-written.html")]
            : [command, folder, "--no-store"];

        // When
        var (code, _, error) = Cli.Run(args);

        // Then
        Assert.Equal(1, code);
        Assert.Equal($"error: {folder}: is a folder; give a scenario file (.yaml or .json) inside it", error.TrimEnd('\n'));
    }

    [Fact]
    public void ImportKtab_FolderAsCsv_SaysItIsAFolder()
    {
        var folder = Cli.Repo("tests", "ktab-smp", "inputs");

        var (code, _, error) = Cli.Run("import", "ktab", folder);

        Assert.Equal(1, code);
        Assert.Equal($"error: {folder}: is a folder; give a KTAB CSV file inside it", error.TrimEnd('\n'));
    }
}
