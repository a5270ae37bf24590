using System.Globalization;
using System.Text.Json;
using Interregnum.Testing;
using Xunit;

namespace Interregnum.Cli.Tests;

/// <summary>
/// The power command on scenarios/teaching.yaml, against hand computations at point values (medians):
/// <code>
/// coercion total = army 50 + security 30 + office 10                        = 90
/// money total    = Egon 10 + oil 60 + office 20                             = 90
/// Arlen (incumbent, in office):
///   coercion = office 10 + army 50·0.3 + security 30·0.2   (office loyalty)
///            + army 50·0.1 + security 30·0.3               (personal loyalty) = 45  → 45/90 = 0.5
///   money    = office 20 + oil 60·0.3                                         = 38  → 38/90 = 0.42222…
///   crisis   = 0.6·0.5 + 0.4·0.42222… = 0.46888…;  settled = 0.3·0.5 + 0.7·0.42222… = 0.44555…
/// Cato: coercion = army 50 · median of uniform(0.3, 0.5) = 50·0.4 = 20 → 0.22222…; money 0
///   crisis = 0.6·0.22222… = 0.13333…;  settled = 0.3·0.22222… = 0.06666…
/// Egon: money = personal 10 + oil 60·0.6 = 46 → 0.51111…;  crisis = 0.4·0.51111… = 0.20444…
/// </code>
/// </summary>
public sealed class PowerCommandTests
{
    private const double Tolerance = 1e-12;

    private static string Teaching => Path.Combine(TestData.RepositoryRoot(), "scenarios", "teaching.yaml");

    private static (int Code, string Out, string Err) Run(params string[] args) => Cli.Run(args);

    [Fact]
    public void Power_Json_MatchesHandComputation()
    {
        // When
        var (code, output, errors) = Run("power", Teaching, "--format", "json");

        // Then
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(string.Empty, errors);
        using var doc = JsonDocument.Parse(output);
        var actors = doc.RootElement.GetProperty("actors").EnumerateArray().ToDictionary(a => a.GetProperty("id").GetString()!);
        void Check(string actor, string section, string key, double expected) =>
            Assert.Equal(expected, actors[actor].GetProperty(section).GetProperty(key).GetDouble(), Tolerance);

        Check("arlen", "share", "coercion", 45.0 / 90);
        Check("arlen", "share", "money", 38.0 / 90);
        Check("arlen", "capability", "crisis", (0.6 * 45 / 90) + (0.4 * 38 / 90));
        Check("arlen", "capability", "settled", (0.3 * 45 / 90) + (0.7 * 38 / 90));
        Check("cato", "share", "coercion", 20.0 / 90);
        Check("cato", "share", "money", 0);
        Check("cato", "capability", "crisis", 0.6 * 20 / 90);
        Check("cato", "capability", "settled", 0.3 * 20 / 90);
        Check("egon", "share", "money", 46.0 / 90);
        Check("egon", "capability", "crisis", 0.4 * 46 / 90);
        Assert.Equal("teaching", doc.RootElement.GetProperty("scenario").GetProperty("id").GetString());
        Assert.Equal(["coercion", "money"], doc.RootElement.GetProperty("instruments").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Power_CsvWithPhase_IsTidyAndOrderedByThatPhase()
    {
        // When
        var (code, output, _) = Run("power", Teaching, "--phase", "settled", "--format", "csv");

        // Then
        Assert.Equal(ExitCodes.Ok, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("actor,measure,of,value", lines[0]);
        Assert.Equal(5 * 3, lines.Length - 1); // five actors × (two shares + one capability)
        Assert.DoesNotContain(lines, l => l.Contains(",crisis,", StringComparison.Ordinal));
        var settled = lines.Where(l => l.Contains(",capability,settled,", StringComparison.Ordinal))
            .Select(l => double.Parse(l.Split(',')[3], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(settled.OrderDescending(), settled);
        // Arlen first, by hand: 0.3·0.5 + 0.7·38/90 = 0.44555…
        Assert.StartsWith("arlen,", lines[1], StringComparison.Ordinal);
        Assert.Equal((0.3 * 0.5) + (0.7 * 38 / 90), settled[0], Tolerance);
    }

    [Fact]
    public void Power_Table_ShowsActorsInstrumentsAndBothPhases()
    {
        var (code, output, _) = Run("power", Teaching);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("President Arlen (incumbent)", output, StringComparison.Ordinal);
        Assert.Contains("capability crisis", output, StringComparison.Ordinal);
        Assert.Contains("capability settled", output, StringComparison.Ordinal);
        Assert.Contains("50.0%", output, StringComparison.Ordinal);   // Arlen's coercion share
        Assert.Contains("0.469", output, StringComparison.Ordinal);   // Arlen's crisis capability
    }

    [Fact]
    public void Power_Russia_RunsAndSharesOfEachInstrumentTotalAtMostOne()
    {
        var russia = Path.Combine(TestData.RepositoryRoot(), "scenarios", "russia-2024.yaml");

        var (code, output, _) = Run("power", russia, "--format", "json");

        Assert.Equal(ExitCodes.Ok, code);
        using var doc = JsonDocument.Parse(output);
        var actors = doc.RootElement.GetProperty("actors").EnumerateArray().ToList();
        Assert.Equal(19, actors.Count); // version 2 of the example: 11 actors and the 8 added from the public record of July 2024
        foreach (var instrument in doc.RootElement.GetProperty("instruments").EnumerateArray().Select(e => e.GetString()!))
        {
            var total = actors.Sum(a => a.GetProperty("share").GetProperty(instrument).GetDouble());
            Assert.InRange(total, 0, 1 + 1e-12);
        }
    }

    [Fact]
    public void Power_InvalidScenario_ExitsOneWithErrorsOnStderr()
    {
        var broken = Path.Combine(TestData.RepositoryRoot(), "tests", "Interregnum.Scenarios.Tests", "Broken", "nan.yaml");

        var (code, output, errors) = Run("power", broken);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains(":31:13: health: NaN and infinity are not allowed", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Power_UnknownPhase_IsAUsageError()
    {
        var (code, output, errors) = Run("power", Teaching, "--phase", "war");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("war", errors, StringComparison.Ordinal);
    }
}
