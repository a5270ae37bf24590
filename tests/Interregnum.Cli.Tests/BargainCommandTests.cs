using System.Globalization;
using System.Text.Json;
using Interregnum.Testing;
using Xunit;

namespace Interregnum.Cli.Tests;

/// <summary><c>interregnum bargain</c> on KTAB CSVs, checked against KTAB's printed histories.</summary>
public sealed class BargainCommandTests
{
    // Runs are not recorded here (--no-store); BargainRerunTests covers recording and replay.
    private static (int Code, string Out, string Err) Run(params string[] args) => Cli.Run([.. args, "--no-store"]);

    private static string Input(string name) => TestData.Vendored("ktab-smp", "inputs", name + ".csv");

    [Fact]
    public void Bargain_SmpCsv_PrintsTidyRowsMatchingKtab()
    {
        // Given KTAB's history of dummyData_3Dim: 11 states; final SActor-00 Pstn1 78.6, prob 0.3340
        var path = Input("dummyData_3Dim");

        // When
        var (code, output, error) = Run("bargain", path, "--model", "smp", "--format", "csv");

        // Then
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal("turn,actor,dimension,position,probability", lines[0]);
        Assert.Equal(1 + (11 * 7 * 3), lines.Length);
        var last = lines.Select(l => l.Split(',')).Single(f => f[0] == "10" && f[1] == "SActor-00" && f[2] == "Pstn1");
        Assert.Equal(78.6, double.Parse(last[3], CultureInfo.InvariantCulture), 0.05 + 1e-9);
        Assert.Equal(0.3340, double.Parse(last[4], CultureInfo.InvariantCulture), 1e-4);
        var first = lines.Select(l => l.Split(',')).Single(f => f[0] == "0" && f[1] == "SActor-02" && f[2] == "Pstn3");
        Assert.Equal(0.07, double.Parse(first[3], CultureInfo.InvariantCulture), 1e-9);
    }

    [Fact]
    public void Bargain_SmpJson_HasModelParametersAndTurns()
    {
        // When
        var (code, output, _) = Run("bargain", Input("dummyData_3Dim"), "--format", "json", "--param", "VotingRule=Prop");

        // Then: KTAB ran 10 turns (11 states) with these defaults
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("smp", root.GetProperty("model").GetString());
        Assert.Equal(10, root.GetProperty("turns").GetInt32());
        Assert.Equal("Prop", root.GetProperty("parameters").GetProperty("VotingRule").GetString());
        Assert.Equal("InitOnlyInterp", root.GetProperty("parameters").GetProperty("BargnModel").GetString());
        Assert.Equal(11 * 7 * 3, root.GetProperty("history").GetArrayLength());
        Assert.Equal(10, root.GetProperty("stop_trace").GetArrayLength());
    }

    [Fact]
    public void Bargain_EuOnMultiDimensionInput_RunsEachDimension()
    {
        // When
        var (code, output, _) = Run("bargain", Input("SOE-Pol-Comp"), "--model", "eu", "--param", "Preset=scholz-code", "--turns", "4", "--format", "json");

        // Then
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var trajectories = json.RootElement.GetProperty("trajectories");
        Assert.Equal(2, trajectories.GetArrayLength());
        Assert.Equal("scholz-code", json.RootElement.GetProperty("parameters").GetProperty("Preset").GetString());
        Assert.True(json.RootElement.GetProperty("turns").GetInt32() <= 4);
    }

    [Fact]
    public void Bargain_Compromise_PrintsWeightedMean()
    {
        // Given SOE-Policy: the c·s weighted mean, computed here from the file's own columns
        var rows = File.ReadAllLines(Input("SOE-Policy")).Skip(2).Where(l => l.Trim().Length > 0)
            .Select(l => l.Split(',').Select(f => f.Trim()).ToArray()).ToArray();
        double num = rows.Sum(r => double.Parse(r[2], CultureInfo.InvariantCulture) * double.Parse(r[4], CultureInfo.InvariantCulture) * double.Parse(r[3], CultureInfo.InvariantCulture));
        double den = rows.Sum(r => double.Parse(r[2], CultureInfo.InvariantCulture) * double.Parse(r[4], CultureInfo.InvariantCulture));

        // When
        var (code, output, _) = Run("bargain", Input("SOE-Policy"), "--model", "compromise", "--format", "csv");

        // Then
        Assert.Equal(0, code);
        var row = output.TrimEnd('\n').Split('\n')[1].Split(',');
        Assert.Equal(num / den, double.Parse(row[3], CultureInfo.InvariantCulture), 1e-9);
    }

    [Fact]
    public void Bargain_Table_PrintsHistoryAndFinalProbabilities()
    {
        // When
        var (code, output, _) = Run("bargain", Input("dummyData_3Dim"));

        // Then
        Assert.Equal(0, code);
        Assert.Contains("Final positions", output, StringComparison.Ordinal);
        Assert.Contains("SActor-06", output, StringComparison.Ordinal);
        Assert.Contains("0.1512", output, StringComparison.Ordinal); // KTAB's final probability of SActor-06
    }

    [Fact]
    public void Bargain_BadCsv_PrintsEachErrorWithLineAndColumn()
    {
        // Given
        var path = Path.Combine(Path.GetTempPath(), "interregnum-bad-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, "S,d,3,1\nActor,Description,Influence,X Position,X Salience\nA,a,1,50,50\nB,b,x,150,50\nC,c,1,20,20\n");
        try
        {
            // When
            var (code, output, error) = Run("bargain", path);

            // Then
            Assert.Equal(1, code);
            Assert.Equal(string.Empty, output);
            var lines = error.TrimEnd('\n').Split('\n');
            Assert.Equal(2, lines.Length);
            Assert.StartsWith($"error: {path}:4:3:", lines[0], StringComparison.Ordinal);
            Assert.StartsWith($"error: {path}:4:4:", lines[1], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Bargain_UnknownParameter_IsUsageError()
    {
        // When
        var (code, output, error) = Run("bargain", Input("dummyData_3Dim"), "--param", "VotingRule=Loudest");

        // Then
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("VotingRule: unknown value 'Loudest'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bargain_MissingFile_IsMissingResource()
    {
        // When
        var (code, _, error) = Run("bargain", "/nonexistent/game.csv");

        // Then
        Assert.Equal(3, code);
        Assert.Contains("no such file", error, StringComparison.Ordinal);
    }
}
