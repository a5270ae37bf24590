using Xunit;

namespace Interregnum.Cli.Tests;

public sealed class TrackRecordTests
{
    [Fact]
    public void Report_AfterABacktestRun_HasTrackRecordSectionWithItsScores()
    {
        // Given a run store holding a backtest of the public cases
        var dir = Directory.CreateTempSubdirectory("interregnum-track-");
        try
        {
            var db = Path.Combine(dir.FullName, "runs.db");
            var backtest = Cli.Run("backtest", Cli.Repo("backtests"), "--draws", "100", "--model", "compromise", "--db", db, "--format", "json");
            Assert.True(backtest.Code == 0, backtest.Err);

            // When a brief is made with the same store
            var html = Path.Combine(dir.FullName, "brief.html");
            var report = Cli.Run("report", Cli.Repo("scenarios", "teaching.yaml"), "--out", html, "--draws", "200", "--model", "compromise", "--sensitivity-draws", "0", "--db", db);

            // Then its track record shows the stored run's aggregate scores, model first
            Assert.True(report.Code == 0, report.Err);
            var text = File.ReadAllText(html);
            Assert.Contains("Backtest run 1", text, StringComparison.Ordinal);
            Assert.Contains("most-coercion", text, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Report_WithoutBacktestRun_SaysHowToGetATrackRecord()
    {
        var dir = Directory.CreateTempSubdirectory("interregnum-track-");
        try
        {
            var db = Path.Combine(dir.FullName, "runs.db");
            var html = Path.Combine(dir.FullName, "brief.html");

            var report = Cli.Run("report", Cli.Repo("scenarios", "teaching.yaml"), "--out", html, "--draws", "200", "--model", "compromise", "--sensitivity-draws", "0", "--db", db);

            Assert.True(report.Code == 0, report.Err);
            Assert.Contains("interregnum backtest backtests/", File.ReadAllText(html), StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
