using Interregnum.Testing;
using Xunit;

namespace Interregnum.Cli.Tests;

public sealed class BargainRerunTests
{
    [Theory]
    [InlineData("ktab")]
    [InlineData("scenario")]
    public void Bargain_RecordedRun_RerunsByteForByte(string input)
    {
        var dir = Directory.CreateTempSubdirectory("interregnum-bargain-");
        try
        {
            var db = Path.Combine(dir.FullName, "runs.db");
            var file = input == "ktab"
                ? TestData.Vendored("ktab-smp", "inputs", "dummyData_3Dim.csv")
                : Cli.Repo("scenarios", "teaching.yaml");
            var first = Cli.Run("bargain", file, "--model", "smp", "--param", "VotingRule=Cubic", "--db", db, "--format", "csv");
            Assert.True(first.Code == 0, first.Err);
            Assert.Contains("stored run 1", first.Err, StringComparison.Ordinal);

            var rerun = Cli.Run("runs", "rerun", "1", "--db", db);

            Assert.True(rerun.Code == 0, rerun.Out + rerun.Err);
            Assert.Contains("reproduced exactly", rerun.Out + rerun.Err, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
