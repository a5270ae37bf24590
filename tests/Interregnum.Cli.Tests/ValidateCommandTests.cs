using Interregnum.Testing;
using Xunit;

namespace Interregnum.Cli.Tests;

public sealed class ValidateCommandTests
{
    private static string Repo(params string[] parts) => Path.Combine([TestData.RepositoryRoot(), .. parts]);

    private static (int Code, string Out, string Err) Run(params string[] args) => Cli.Run(args);

    [Fact]
    public void Validate_ExampleScenarios_PrintsOkAndExitsZero()
    {
        // Given
        var russia = Repo("scenarios", "russia-2024.yaml");
        var teaching = Repo("scenarios", "teaching.yaml");

        // When
        var (code, output, errors) = Run("validate", russia, teaching);

        // Then
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal($"ok {russia}\nok {teaching}\n", output.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(string.Empty, errors);
    }

    [Fact]
    public void Validate_BrokenFile_ListsEveryErrorOnStderrAndExitsOne()
    {
        // Given: the corpus file's header states its expected errors.
        var broken = Repo("tests", "Interregnum.Scenarios.Tests", "Broken", "many-faults.yaml");
        var expected = File.ReadLines(broken)
            .Where(l => l.StartsWith("# expect: ", StringComparison.Ordinal))
            .Select(l => broken + ":" + l["# expect: ".Length..])
            .Order(StringComparer.Ordinal)
            .ToList();

        // When
        var (code, output, errors) = Run("validate", broken);

        // Then
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal(expected, errors.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_MixOfValidAndInvalid_ReportsBothAndExitsOne()
    {
        var teaching = Repo("scenarios", "teaching.yaml");
        var broken = Repo("tests", "Interregnum.Scenarios.Tests", "Broken", "nan.yaml");

        var (code, output, errors) = Run("validate", teaching, broken, "/nonexistent/x.yaml");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Equal($"ok {teaching}\n", output.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Contains($"{broken}:31:13: health: NaN and infinity are not allowed; write a finite number", errors, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/x.yaml:1:1: file not found", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoFile_IsAUsageError()
    {
        var (code, _, errors) = Run("validate");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.NotEqual(string.Empty, errors);
    }

    [Fact]
    public void Validate_Help_DescribesTheCommand()
    {
        var (code, output, _) = Run("validate", "--help");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("file:line:column", output, StringComparison.Ordinal);
    }
}
