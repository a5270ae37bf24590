using Interregnum.Testing;
using Xunit;

namespace Interregnum.Scenarios.Tests;

/// <summary>
/// Each file in Broken/ is Valid/mini.yaml with a fault, headed by the errors it must yield
/// (<c># expect: line:column: message</c>). Broken/make_corpus.py wrote them, taking each position from a
/// text search for the faulty token, independently of the reader.
/// </summary>
public sealed class BrokenCorpusTests
{
    private static string Folder(string name) => Path.Combine(TestData.RepositoryRoot(), "tests", "Interregnum.Scenarios.Tests", name);

    public static TheoryData<string> BrokenFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder("Broken"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void Corpus_HasAtLeastThirtyFiles()
    {
        Assert.True(BrokenFiles().Count >= 30, $"only {BrokenFiles().Count} broken files");
    }

    [Fact]
    public void MiniBase_IsValid()
    {
        var result = ScenarioReader.ReadFile(Path.Combine(Folder("Valid"), "mini.yaml"));
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
    }

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void BrokenFile_YieldsExactlyTheExpectedErrors(string name)
    {
        // Given
        var path = Path.Combine(Folder("Broken"), name);
        var expected = File.ReadLines(path)
            .TakeWhile(l => l.StartsWith('#'))
            .Where(l => l.StartsWith("# expect: ", StringComparison.Ordinal))
            .Select(l => l["# expect: ".Length..])
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(expected);

        // When
        var result = ScenarioReader.ReadFile(path);

        // Then
        Assert.False(result.IsValid);
        Assert.Null(result.Scenario);
        Assert.All(result.Errors, e => Assert.Equal(path, e.File));
        Assert.All(result.Errors, e => Assert.StartsWith($"{path}:{e.Line}:{e.Column}: ", e.ToString(), StringComparison.Ordinal));
        var actual = result.Errors.Select(e => $"{e.Line}:{e.Column}: {e.Message}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual);
    }
}
