using Xunit;

namespace Interregnum.Cli.Tests;

public sealed class VersionTests
{
    [Fact]
    public void Version_Flag_PrintsAssemblyVersionAndExitsZero()
    {
        // Given
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        // When
        var code = Program.Run(["--version"], stdout, stderr);

        // Then
        Assert.Equal(0, code);
        var expected = typeof(Program).Assembly.GetName().Version!.ToString(3);
        Assert.StartsWith(expected, stdout.ToString().Trim(), StringComparison.Ordinal);
    }
}
