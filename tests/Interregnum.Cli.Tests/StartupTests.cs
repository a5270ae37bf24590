using System.CommandLine;
using Xunit;

namespace Interregnum.Cli.Tests;

/// <summary>
/// Start-up (issue 15): the program builds only the command named first on the command line. These tests check
/// that this changes nothing a user sees: help, and the errors of a bad command line, are the same as with the
/// whole command tree, for every top-level command.
/// </summary>
public sealed class StartupTests
{
    /// <summary>Every top-level command, from the whole tree.</summary>
    public static TheoryData<string> TopLevelCommands()
    {
        var data = new TheoryData<string>();
        foreach (var command in Program.BuildRoot().Subcommands)
        {
            data.Add(command.Name);
        }

        return data;
    }

    private static (int Code, string Out, string Err) RunWholeTree(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var parsed = Program.BuildRoot().Parse(args);
        var code = parsed.Errors.Count > 0
            ? 2
            : parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        foreach (var error in parsed.Errors)
        {
            stderr.WriteLine(error.Message);
        }

        return (code, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [MemberData(nameof(TopLevelCommands))]
    public void Help_OnlyTheNamedCommandBuilt_SameAsWithTheWholeTree(string name)
    {
        // Given the help text the whole tree prints
        var expected = RunWholeTree(name, "--help");

        // When the program prints it, having built only that command
        var (code, output, error) = Cli.Run(name, "--help");

        // Then it is the same, byte for byte, and names the command
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains(name, output, StringComparison.Ordinal);
        Assert.Equal(expected.Out, output);
    }

    [Theory]
    [MemberData(nameof(TopLevelCommands))]
    public void UnknownOption_OnlyTheNamedCommandBuilt_SameErrorsAsWithTheWholeTree(string name)
    {
        // Given the errors the whole tree finds in a bad command line: unknown tokens (the first may be taken as a
        // command's FILE argument, the others cannot) and a bad --format; validate takes any token as a file, so
        // for it the bad command line is the command without its files
        string[][] candidates = [[name, "--no-such-option", "--nor-this", "x", "y", "z", "--format", "nope"], [name]];
        var args = candidates.First(c => Program.BuildRoot().Parse(c).Errors.Count > 0);
        var expected = Program.BuildRoot().Parse(args).Errors.Select(e => e.Message.ReplaceLineEndings(" ").Trim()).ToList();
        Assert.NotEmpty(expected);

        // When the program parses it, having built only that command
        var (code, output, error) = Cli.Run(args);

        // Then it reports the same errors, one line each, and exit 2
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        var lines = error.TrimEnd('\n').Split('\n');
        Assert.Equal(expected.Count, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            Assert.StartsWith("error: " + expected[i], lines[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Version_NoCommandBuilt_PrintsTheVersionAsTheWholeTreeDoes()
    {
        // Given the whole tree's --version
        var expected = RunWholeTree("--version");

        // When the program answers --version without building any command
        var (code, output, _) = Cli.Run("--version");

        // Then the output is the same
        Assert.Equal(0, code);
        Assert.False(string.IsNullOrWhiteSpace(output));
        Assert.Equal(expected.Out, output);
    }
}
