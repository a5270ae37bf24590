using System.Text;
using Interregnum.Testing;
using Xunit;

namespace Interregnum.Scenarios.Tests;

/// <summary>
/// Hostile input is reported as errors and never throws. How fast is not asserted here: wall-clock bounds in unit
/// tests fail on a loaded machine and prove little; reading speed belongs in benchmarks (docs/performance.md).
/// </summary>
public sealed class HostileInputTests
{
    private static string Teaching() => File.ReadAllText(Path.Combine(TestData.RepositoryRoot(), "scenarios", "teaching.yaml"));

    private static ScenarioError Single(ScenarioReadResult result)
    {
        Assert.False(result.IsValid);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void RandomBytes_AreErrors_NeverExceptions()
    {
        var random = new Random(20240715);
        for (var i = 0; i < 50; i++)
        {
            var bytes = new byte[random.Next(1, 20_000)];
            random.NextBytes(bytes);
            var result = ScenarioReader.Read(bytes, "random.bin");
            Assert.False(result.IsValid);
            Assert.NotEmpty(result.Errors);
        }
    }

    [Fact]
    public void FiftyMegabyteBuffer_IsRejectedBySize()
    {
        var bytes = new byte[50 * 1024 * 1024];
        bytes.AsSpan().Fill((byte)'a');

        var error = Single(ScenarioReader.Read(bytes, "big.yaml"));

        Assert.Equal("big.yaml:1:1: the file is 52,428,800 bytes; scenario files are limited to 10,485,760 bytes (10 MiB)", error.ToString());
    }

    [Fact]
    public void FiftyMegabyteFile_IsRejectedBeforeReading()
    {
        var path = Path.Combine(Path.GetTempPath(), $"interregnum-big-{Environment.ProcessId}.yaml");
        try
        {
            using (var stream = File.Create(path))
            {
                stream.SetLength(50L * 1024 * 1024);
            }

            var error = Single(ScenarioReader.ReadFile(path));

            Assert.Contains("limited to 10,485,760 bytes", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void DeeplyNestedFlowYaml_IsRejectedAtTheDepthLimit()
    {
        var text = "a: " + new string('[', 1_000_000) + new string(']', 1_000_000);

        var error = Single(ScenarioReader.ReadText(text, "deep.yaml"));

        // The root mapping is depth 1; the 32nd '[' is at column 4 + 31 = 35 and would be depth 33.
        Assert.Equal("deep.yaml:1:35: nesting deeper than 32 levels; a scenario never needs that much", error.ToString());
    }

    [Fact]
    public void DeeplyNestedBlockYaml_IsRejectedAtTheDepthLimit()
    {
        var text = string.Concat(Enumerable.Range(0, 2000).Select(i => new string(' ', i) + "k:\n"));

        var error = Single(ScenarioReader.ReadText(text, "deep.yaml"));

        // Mapping number 33 starts on line 33 at column 33 (indented by 32 spaces).
        Assert.Equal("deep.yaml:33:33: nesting deeper than 32 levels; a scenario never needs that much", error.ToString());
    }

    [Fact]
    public void AliasBomb_IsRejectedAtTheFirstAnchor()
    {
        // "Billion laughs": nine levels of nine aliases each would expand to 9^9 strings.
        var text = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var c = 'b'; c <= 'j'; c++)
        {
            var previous = (char)(c - 1);
            text.Append(c).Append(": &").Append(c).Append(" [").Append(string.Join(", ", Enumerable.Repeat("*" + previous, 9))).Append("]\n");
        }

        var error = Single(ScenarioReader.ReadText(text.ToString(), "bomb.yaml"));

        Assert.Equal("bomb.yaml:1:4: anchors (&a) are not supported in scenario files; write the value out", error.ToString());
    }

    [Fact]
    public void Alias_WithoutAnchor_IsRejected()
    {
        var error = Single(ScenarioReader.ReadText("a: *x\n", "alias.yaml"));
        Assert.Equal("alias.yaml:1:4: aliases (*x) are not supported in scenario files; write the value out", error.ToString());
    }

    [Theory]
    [InlineData(".nan")]
    [InlineData(".NaN")]
    [InlineData("NaN")]
    [InlineData(".inf")]
    [InlineData("-.Inf")]
    [InlineData("+.INF")]
    [InlineData("Infinity")]
    [InlineData("-infinity")]
    public void NonFiniteNumbers_AreRejected(string literal)
    {
        var text = Teaching().Replace("health: { uniform: [0.4, 0.8] }", "health: " + literal, StringComparison.Ordinal);

        var error = Single(ScenarioReader.ReadText(text, "t.yaml"));

        Assert.Equal("health: NaN and infinity are not allowed; write a finite number", error.Message);
    }

    [Fact]
    public void NumberBeyondDoubleRange_IsRejected()
    {
        var text = Teaching().Replace("health: { uniform: [0.4, 0.8] }", "health: 1e400", StringComparison.Ordinal);

        var error = Single(ScenarioReader.ReadText(text, "t.yaml"));

        Assert.Equal("health: 1e400 is too large to be a finite number", error.Message);
    }

    [Fact]
    public void InvalidUtf8_IsReportedWithItsPosition()
    {
        // Line 2 is 'title: "caf' then Latin-1 0xE9: an invalid UTF-8 start of a sequence at column 12.
        var bytes = Encoding.ASCII.GetBytes("interregnum: 1\ntitle: \"caf").Concat(new byte[] { 0xE9, (byte)'"', (byte)'\n' }).ToArray();

        var error = Single(ScenarioReader.Read(bytes, "latin1.yaml"));

        Assert.Equal("latin1.yaml:2:12: invalid UTF-8 (byte 0xE9 at offset 26); scenario files must be UTF-8 text", error.ToString());
    }

    [Theory]
    [InlineData(new byte[] { 0xC0, 0xAF })]         // overlong '/'
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]   // an encoded UTF-16 surrogate
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })] // above U+10FFFF
    [InlineData(new byte[] { 0xE2, 0x82 })]         // truncated sequence at the end
    public void MalformedUtf8Sequences_AreRejected(byte[] tail)
    {
        var bytes = Encoding.ASCII.GetBytes("id: ").Concat(tail).ToArray();

        var error = Single(ScenarioReader.Read(bytes, "bad.yaml"));

        Assert.StartsWith("invalid UTF-8", error.Message, StringComparison.Ordinal);
        Assert.Equal((1, 5), (error.Line, error.Column));
    }

    [Fact]
    public void Utf16File_IsRejectedPlainly()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("interregnum: 1\n")).ToArray();

        var error = Single(ScenarioReader.Read(bytes, "u16.yaml"));

        Assert.Equal("the file is UTF-16; scenario files must be UTF-8", error.Message);
    }

    [Fact]
    public void NulCharacter_IsReportedAsBinary()
    {
        var error = Single(ScenarioReader.ReadText("interregnum: 1\nid: a\0b\n", "nul.yaml"));

        Assert.Equal("nul.yaml:2:6: control character U+0000: this is not a text scenario file", error.ToString());
    }

    [Fact]
    public void Utf8ByteOrderMarkAndCrLf_AreAccepted()
    {
        var text = Teaching().Replace("\n", "\r\n", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        var result = ScenarioReader.Read(bytes, "bom.yaml");

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
    }

    [Fact]
    public void ThousandsOfFaults_AreCappedWithANote()
    {
        var text = "interregnum: 1\n" + string.Concat(Enumerable.Range(0, 10_000).Select(i => $"bogus{i}: 1\n"));

        var result = ScenarioReader.ReadText(text, "many.yaml");

        Assert.Equal(NodeBinder.MaxErrors + 1, result.Errors.Count);
        Assert.Equal($"too many errors; stopped after {NodeBinder.MaxErrors}", result.Errors[^1].Message);
    }

    [Fact]
    public void NineMegabytesOfKeys_ParsedInFullAndRejected()
    {
        var text = new StringBuilder("interregnum: 1\n");
        for (var i = 0; text.Length < 9_000_000; i++)
        {
            text.Append('k').Append(i).Append(": [1, 2, 3, {a: b}]\n");
        }

        // A file just under the size limit is parsed in full (about 2 s of CPU on the project's machine).
        var result = ScenarioReader.ReadText(text.ToString(), "wide.yaml");

        Assert.False(result.IsValid);
    }

    [Fact]
    public void SecondDocument_IsRejected()
    {
        var result = ScenarioReader.ReadText("interregnum: 1\n---\nid: x\n", "two.yaml");

        Assert.Contains(result.Errors, e => e.ToString() == "two.yaml:2:1: a scenario file holds one document; found a second ('---')");
    }

    [Theory]
    [InlineData("", "the file is empty; a scenario starts with 'interregnum: 1'")]
    [InlineData("# only a comment\n", "the file is empty; a scenario starts with 'interregnum: 1'")]
    [InlineData("just text\n", "expected a scenario (a mapping of key: value), found 'just text'")]
    [InlineData("- a\n- b\n", "expected a scenario (a mapping of key: value), found a list")]
    public void NotAScenario_SaysWhatWasFound(string text, string message)
    {
        var error = Single(ScenarioReader.ReadText(text, "x.yaml"));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void YamlSyntaxError_IsOneErrorWithAPosition()
    {
        var error = Single(ScenarioReader.ReadText("interregnum: 1\ntitle: \"unterminated\n", "syntax.yaml"));

        // The opening quote of "unterminated is at line 2, column 8.
        Assert.Equal((2, 8), (error.Line, error.Column));
        Assert.Contains("quoted text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFile_IsAnError()
    {
        var error = Single(ScenarioReader.ReadFile("/nonexistent/scenario.yaml"));
        Assert.Equal("/nonexistent/scenario.yaml:1:1: file not found", error.ToString());
    }
}
