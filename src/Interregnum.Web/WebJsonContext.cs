using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Interregnum.Web;

// The workbench's JSON answers (the page's script reads them). Named records and a source-generated context instead of
// anonymous types (issue 15: the workbench is part of the Native AOT binary); snake_case keys, as the page expects.

/// <summary>A refused request: <c>{"error": "..."}</c>.</summary>
internal sealed record ErrorJson(string Error);

/// <summary>A run job's progress as the page polls it.</summary>
internal sealed record JobStatusJson(string Id, string Kind, string State, int Done, int Total, string? Message, string? Stage, long? StoredRun, string? Html);

/// <summary>The scenario editor's problems after a validate or save.</summary>
internal sealed record ProblemsJson(bool Saved, IReadOnlyList<ProblemJson> Problems);

/// <summary>One problem of <see cref="ProblemsJson"/>.</summary>
internal sealed record ProblemJson(int Line, int Column, string Message, string Text);

/// <summary>
/// The settings of the workbench's JSON answers: ASP.NET's defaults for HTTP JSON (web defaults, the relaxed encoder,
/// compact), with snake_case keys as the anonymous types spelled them; metadata from <see cref="WebJsonContext"/>.
/// </summary>
internal static class WebJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = WebJsonContext.Default,
    };

    public static JsonTypeInfo<ErrorJson> Error { get; } = (JsonTypeInfo<ErrorJson>)Options.GetTypeInfo(typeof(ErrorJson));

    public static JsonTypeInfo<JobStatusJson> JobStatus { get; } = (JsonTypeInfo<JobStatusJson>)Options.GetTypeInfo(typeof(JobStatusJson));

    public static JsonTypeInfo<ProblemsJson> Problems { get; } = (JsonTypeInfo<ProblemsJson>)Options.GetTypeInfo(typeof(ProblemsJson));
}

/// <summary>Source-generated metadata for the workbench's JSON answers (used through <see cref="WebJson"/>'s settings).</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(ErrorJson))]
[JsonSerializable(typeof(JobStatusJson))]
[JsonSerializable(typeof(ProblemsJson))]
internal sealed partial class WebJsonContext : JsonSerializerContext;
