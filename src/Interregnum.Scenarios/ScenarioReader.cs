using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Interregnum.Model;

namespace Interregnum.Scenarios;

/// <summary>
/// Reads a scenario file (format version 1, YAML or JSON; see docs/scenario-format.md) into a validated
/// <see cref="Scenario"/>, or returns every problem found as <c>file:line:column: message</c>.
/// Bad input of any kind (syntax, types, ranges, references, binary garbage, invalid UTF-8, oversized or
/// deeply nested files, alias bombs) is reported as errors, never thrown. Thread-safe (no shared state).
/// </summary>
public static class ScenarioReader
{
    /// <summary>The largest scenario file accepted, in bytes (10 MiB); real scenarios are a few kilobytes.</summary>
    public const long MaxBytes = 10L * 1024 * 1024;

    /// <summary>Reads and validates the scenario file at <paramref name="path"/>.</summary>
    public static ScenarioReadResult ReadFile(string path)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return Fail(path, 1, 1, Directory.Exists(path) ? "is a directory, not a scenario file" : "file not found");
            }

            if (info.Length > MaxBytes)
            {
                return Fail(path, 1, 1, TooLarge(info.Length));
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Fail(path, 1, 1, "cannot read the file: " + ex.Message);
        }

        return Read(bytes, path);
    }

    /// <summary>Reads and validates a scenario from its bytes (UTF-8, with or without a byte-order mark).</summary>
    /// <param name="bytes">The file's content.</param>
    /// <param name="file">The name to report errors against.</param>
    public static ScenarioReadResult Read(ReadOnlySpan<byte> bytes, string file)
    {
        if (bytes.Length > MaxBytes)
        {
            return Fail(file, 1, 1, TooLarge(bytes.Length));
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        if (bytes.IndexOf((byte)0) >= 0 && (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])))
        {
            return Fail(file, 1, 1, "the file is UTF-16; scenario files must be UTF-8");
        }

        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status != System.Buffers.OperationStatus.Done)
        {
            var (line, column) = Position(chars.AsSpan(0, written));
            return Fail(file, line, column, string.Create(CultureInfo.InvariantCulture, $"invalid UTF-8 (byte 0x{bytes[read]:X2} at offset {read}); scenario files must be UTF-8 text"));
        }

        return ReadText(new string(chars, 0, written), file);
    }

    /// <summary>Reads and validates a scenario from text.</summary>
    /// <param name="text">The file's content.</param>
    /// <param name="file">The name to report errors against.</param>
    public static ScenarioReadResult ReadText(string text, string file)
    {
        if (text.Length > MaxBytes)
        {
            return Fail(file, 1, 1, TooLarge(text.Length));
        }

        // Control characters other than tab and line breaks mean binary content: say so plainly rather than
        // let the YAML scanner describe the first odd byte.
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c < 0x20 && c is not '\t' and not '\n' and not '\r') || c is '\u007F' or '\uFFFE' or '\uFFFF')
            {
                var (line, column) = Position(text.AsSpan(0, i));
                return Fail(file, line, column, string.Create(CultureInfo.InvariantCulture, $"control character U+{(int)c:X4}: this is not a text scenario file"));
            }
        }

        var binder = new NodeBinder(file);
        YNode? root;
        try
        {
            root = YamlTreeBuilder.Build(text, binder.Error);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The YAML library reports syntax errors as YamlException (handled inside); anything else it throws
            // on hostile input is still the input's fault, not a crash.
            binder.Error(1, 1, "unreadable YAML: " + ex.Message);
            root = null;
        }

        if (root is null)
        {
            if (binder.ErrorCount == 0)
            {
                binder.Error(1, 1, "the file is empty; a scenario starts with 'interregnum: 1'");
            }

            return new ScenarioReadResult(null, binder.Errors());
        }

        var scenario = new ScenarioBuilder(binder).Build(root);
        return binder.ErrorCount == 0 && scenario is not null
            ? new ScenarioReadResult(scenario, [])
            : new ScenarioReadResult(null, binder.Errors());
    }

    private static string TooLarge(long length) => string.Create(
        CultureInfo.InvariantCulture,
        $"the file is {length:N0} bytes; scenario files are limited to {MaxBytes:N0} bytes (10 MiB)");

    private static ScenarioReadResult Fail(string file, int line, int column, string message) =>
        new(null, [new ScenarioError(file, line, column, message)]);

    private static (int Line, int Column) Position(ReadOnlySpan<char> before)
    {
        var line = 1;
        var column = 1;
        foreach (var c in before)
        {
            if (c == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return (line, column);
    }
}
