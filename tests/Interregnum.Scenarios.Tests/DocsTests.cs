using Interregnum.Testing;
using Xunit;

namespace Interregnum.Scenarios.Tests;

/// <summary>The walk-through in docs/scenario-format.md quotes scenarios/teaching.yaml and must not drift from it.</summary>
public sealed class DocsTests
{
    private static string Repo(params string[] parts) => Path.Combine([TestData.RepositoryRoot(), .. parts]);

    private static string WithoutComment(string line)
    {
        var i = line.IndexOf(" #", StringComparison.Ordinal);
        return (i >= 0 ? line[..i] : line).Trim();
    }

    [Fact]
    public void WalkThroughSnippets_AreLinesOfTheTeachingScenario()
    {
        // Given
        var docs = File.ReadAllLines(Repo("docs", "scenario-format.md"));
        var teaching = File.ReadAllLines(Repo("scenarios", "teaching.yaml")).Select(WithoutComment).ToHashSet(StringComparer.Ordinal);
        var walk = docs.SkipWhile(l => !l.StartsWith("## A walk through", StringComparison.Ordinal))
            .TakeWhile(l => !l.StartsWith("## Uncertain numbers", StringComparison.Ordinal))
            .ToList();

        // When: every line of every ```yaml block there, comments aside
        var quoted = new List<string>();
        var inYaml = false;
        foreach (var line in walk)
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inYaml = !inYaml && line == "```yaml";
                continue;
            }

            if (inYaml && WithoutComment(line) is { Length: > 0 } content && !content.StartsWith('#'))
            {
                quoted.Add(content);
            }
        }

        // Then
        Assert.True(quoted.Count > 50, $"only {quoted.Count} lines quoted");
        Assert.All(quoted, q => Assert.Contains(q, teaching));
    }

    [Fact]
    public void BothExamples_CarryTheSchemaComment()
    {
        foreach (var name in new[] { "russia-2024.yaml", "teaching.yaml" })
        {
            Assert.Equal("# yaml-language-server: $schema=../docs/scenario.schema.json", File.ReadLines(Repo("scenarios", name)).First());
        }
    }
}
