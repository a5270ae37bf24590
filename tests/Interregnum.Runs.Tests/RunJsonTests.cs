using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Interregnum.Model;
using Xunit;

namespace Interregnum.Runs.Tests;

/// <summary>
/// The source-generated JSON settings (issue 15: Native AOT). The byte-for-byte check of every command's output
/// against the reflection-based build is benchmarks/cli-outputs.sh (and benchmarks/aot-check.sh in CI); these
/// tests pin what would otherwise fail only at run time.
/// </summary>
public sealed class RunJsonTests
{
    private static IEnumerable<Type> ContextTypes() =>
        typeof(RunJsonContext).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => typeof(JsonTypeInfo).IsAssignableFrom(p.PropertyType))
            .Select(p => ((JsonTypeInfo)p.GetValue(RunJsonContext.Default)!).Type);

    [Fact]
    public void Options_EveryTypeOfTheContext_HasMetadataUnderTheRunSettings()
    {
        // Given: every type the generator reached from the documents (enums and nullable enums among them)
        var types = ContextTypes().ToList();
        Assert.Contains(typeof(SimulateJson), types);
        Assert.Contains(typeof(Interregnum.Store.RunKind), types);

        // Then: each resolves under RunJson.Options, its enums through the kebab-case factory (which throws for an enum it lacks)
        foreach (var type in types)
        {
            Assert.Equal(type, RunJson.Options.GetTypeInfo(type).Type);
        }
    }

    [Fact]
    public void Serialize_EveryEnumOfTheDocuments_IsWrittenAsAString()
    {
        foreach (var type in ContextTypes().Where(t => t.IsEnum))
        {
            // Given: the enum's first named value
            var value = Enum.GetValues(type).GetValue(0)!;

            // When
            var json = JsonSerializer.Serialize(value, RunJson.Options.GetTypeInfo(type));

            // Then: a string, not the number a missing converter would write
            Assert.True(json.StartsWith('"'), $"{type}: {json}");
        }
    }

    [Fact]
    public void Serialize_Enums_KebabCaseAsTheReflectionBasedConverterWroteThem()
    {
        // Given: the factory alone (reflection metadata is fine in a test), on an enum with multi-word members
        var options = new JsonSerializerOptions { Converters = { new KebabCaseEnumConverterFactory() }, TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

        // Then, hand-written expectations: the member name with a hyphen before each inner capital, all lower case
        Assert.Equal("\"natural-death\"", JsonSerializer.Serialize(ExitManner.NaturalDeath, options));
        Assert.Equal("\"forced-resignation\"", JsonSerializer.Serialize(ExitManner.ForcedResignation, options));
        Assert.Equal(ExitManner.FailedAttempt, JsonSerializer.Deserialize<ExitManner>("\"failed-attempt\"", options));
        Assert.Equal("\"simulate\"", RunJson.Serialize(Interregnum.Store.RunKind.Simulate));
    }

    [Fact]
    public void Serialize_TypeMissingFromTheContext_FailsInsteadOfFallingBackToReflection()
    {
        Assert.Throws<NotSupportedException>(() => RunJson.Serialize(new Uri("https://example.org")));
        Assert.Throws<NotSupportedException>(() => RunJson.SerializeObject(new { a = 1 }));
    }

    [Fact]
    public void CreateConverter_EnumNotListed_ThrowsNamingIt()
    {
        var ex = Assert.Throws<NotSupportedException>(() => new KebabCaseEnumConverterFactory().CreateConverter(typeof(DayOfWeek), RunJson.Options));
        Assert.Contains("DayOfWeek", ex.Message, StringComparison.Ordinal);
    }
}
