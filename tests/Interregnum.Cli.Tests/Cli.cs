using Interregnum.Testing;

namespace Interregnum.Cli.Tests;

/// <summary>Runs the <c>interregnum</c> command in-process with captured output, as the tests see it.</summary>
internal static class Cli
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A path under the repository root.</summary>
    public static string Repo(params string[] parts) => Path.Combine([TestData.RepositoryRoot(), .. parts]);
}
