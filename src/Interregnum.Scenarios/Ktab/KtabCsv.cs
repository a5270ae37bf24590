using System.Globalization;
using CsvHelper;

namespace Interregnum.Scenarios.Ktab;

/// <summary>A problem found in a KTAB CSV, located by file, line and column (both 1-based; column is the field number).</summary>
/// <param name="File">The file name as given.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based field number (0 when the whole line is at fault).</param>
/// <param name="Message">What was expected and what was found.</param>
public sealed record KtabCsvError(string File, int Line, int Column, string Message)
{
    /// <summary>"file:line:column: message".</summary>
    /// <returns>The formatted error.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}: {Message}");
}

/// <summary>The outcome of reading a KTAB CSV: the game, or every problem found.</summary>
/// <param name="Game">The game, or null when there were errors.</param>
/// <param name="Errors">Every problem found (empty on success).</param>
public sealed record KtabReadResult(KtabGame? Game, IReadOnlyList<KtabCsvError> Errors)
{
    /// <summary>True when the game was read without errors.</summary>
    public bool Succeeded => Game is not null && Errors.Count == 0;
}

/// <summary>
/// Reads and writes KTAB's SMP scenario CSV (ktab_smp_examples/SOURCE.md):
/// line 1 <c>scenarioName, description, numActors, numDimensions[, …]</c>;
/// line 2 the header <c>Actor, Description, Influence|Power, &lt;dim&gt; Position, &lt;dim&gt; Salience, …</c>;
/// then one row per actor. Fields are trimmed; trailing empty fields (KTAB files end rows with a comma) are ignored.
/// Reading never throws on bad content: it returns every problem with its line and column.
/// Writing then reading gives back the same game, bit for bit (numbers are written in round-trip form).
/// </summary>
public static class KtabCsv
{
    /// <summary>Reads a KTAB CSV file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The game or the errors.</returns>
    public static KtabReadResult Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return new KtabReadResult(null, [new KtabCsvError(path, 0, 0, "file not found.")]);
        }

        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    /// <summary>Reads a KTAB CSV from text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="fileName">The name used in error messages.</param>
    /// <returns>The game or the errors.</returns>
    public static KtabReadResult Read(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var errors = new List<KtabCsvError>();
        var rows = new List<(int Line, string[] Fields)>();
        var options = CsvReaderOptions.Default with
        {
            HasHeader = false,
            Separator = ',',
            TrimWhitespace = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
        };
        try
        {
            using var csv = CsvReader.Create(reader, options, leaveOpen: true);
            while (csv.Read())
            {
                int count = csv.FieldCount;
                var record = new string[count];
                for (int f = 0; f < count; f++)
                {
                    record[f] = csv.GetString(f) ?? string.Empty;
                }

                while (count > 0 && record[count - 1].Length == 0)
                {
                    count--;
                }

                if (count == 0)
                {
                    continue;
                }

                rows.Add(((int)csv.LineNumber, record[..count]));
            }
        }
        catch (CsvFormatException ex)
        {
            errors.Add(new KtabCsvError(fileName, (int)ex.LineNumber, ex.FieldIndex + 1, "malformed CSV: " + ex.Message.Split('\n')[0]));
            return new KtabReadResult(null, errors);
        }

        if (rows.Count < 2)
        {
            errors.Add(new KtabCsvError(fileName, rows.Count == 0 ? 1 : rows[0].Line + 1, 0, "expected a scenario line and a header line; the file ends early."));
            return new KtabReadResult(null, errors);
        }

        var (line1, first) = rows[0];
        if (first.Length < 4)
        {
            errors.Add(new KtabCsvError(fileName, line1, first.Length + 1, $"expected 'scenarioName, description, numActors, numDimensions'; found {first.Length} field(s)."));
            return new KtabReadResult(null, errors);
        }

        int declaredActors = ParseCount(first[2], "number of actors", line1, 3, 1);
        int declaredDims = ParseCount(first[3], "number of dimensions", line1, 4, 1);
        if (errors.Count > 0)
        {
            return new KtabReadResult(null, errors);
        }

        var (line2, header) = rows[1];
        int expectedFields = 3 + (2 * declaredDims);
        if (header.Length != expectedFields)
        {
            errors.Add(new KtabCsvError(fileName, line2, Math.Min(header.Length, expectedFields) + 1,
                $"header: expected {expectedFields} columns (Actor, Description, capability, then a position and a salience for each of {declaredDims} dimension(s)); found {header.Length}."));
            return new KtabReadResult(null, errors);
        }

        var positionHeaders = new string[declaredDims];
        var salienceHeaders = new string[declaredDims];
        for (int k = 0; k < declaredDims; k++)
        {
            positionHeaders[k] = header[3 + (2 * k)];
            salienceHeaders[k] = header[4 + (2 * k)];
        }

        var actors = new List<KtabActor>();
        for (int r = 2; r < rows.Count; r++)
        {
            var (line, f) = rows[r];
            if (f.Length != expectedFields)
            {
                errors.Add(new KtabCsvError(fileName, line, Math.Min(f.Length, expectedFields) + 1, $"expected {expectedFields} fields; found {f.Length}."));
                continue;
            }

            int before = errors.Count;
            string name = f[0];
            if (name.Length == 0)
            {
                errors.Add(new KtabCsvError(fileName, line, 1, "actor name is empty."));
            }

            double capability = ParseNumber(f[2], line, 3, header[2]);
            if (errors.Count == before && !(capability > 0))
            {
                errors.Add(new KtabCsvError(fileName, line, 3, $"{header[2]}: capability must be positive (KTAB aborts on a zero voting weight); found {f[2]}."));
            }

            var positions = new double[declaredDims];
            var saliences = new double[declaredDims];
            double totalSalience = 0;
            for (int k = 0; k < declaredDims; k++)
            {
                int pc = 4 + (2 * k);
                int sc = pc + 1;
                int mark = errors.Count;
                positions[k] = ParseNumber(f[pc - 1], line, pc, header[pc - 1]);
                if (errors.Count == mark && (positions[k] < 0 || positions[k] > 100))
                {
                    errors.Add(new KtabCsvError(fileName, line, pc, $"{header[pc - 1]}: position must be in [0, 100]; found {f[pc - 1]}."));
                }

                mark = errors.Count;
                saliences[k] = ParseNumber(f[sc - 1], line, sc, header[sc - 1]);
                if (errors.Count == mark && (saliences[k] < 0 || saliences[k] > 100))
                {
                    errors.Add(new KtabCsvError(fileName, line, sc, $"{header[sc - 1]}: salience must be in [0, 100]; found {f[sc - 1]}."));
                }

                totalSalience += saliences[k];
            }

            if (errors.Count == before && !(totalSalience > 0 && totalSalience <= 100 + 1e-9))
            {
                errors.Add(new KtabCsvError(fileName, line, 5, string.Create(CultureInfo.InvariantCulture, $"actor '{name}': saliences must sum to more than 0 and at most 100; they sum to {totalSalience}.")));
            }

            actors.Add(new KtabActor(name, f[1], capability, positions, saliences));
        }

        if (actors.Count != declaredActors)
        {
            errors.Add(new KtabCsvError(fileName, line1, 3, $"line 1 declares {declaredActors} actors but the file has {actors.Count} actor row(s)."));
        }

        var duplicate = actors.GroupBy(a => a.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            int index = actors.FindIndex(1 + actors.FindIndex(a => a.Name == duplicate.Key), a => a.Name == duplicate.Key);
            errors.Add(new KtabCsvError(fileName, rows[2 + index].Line, 1, $"actor name '{duplicate.Key}' appears more than once."));
        }

        if (errors.Count > 0)
        {
            return new KtabReadResult(null, errors);
        }

        return new KtabReadResult(new KtabGame(first[0], first[1], header[2], positionHeaders, salienceHeaders, actors), []);

        int ParseCount(string text, string what, int line, int column, int minimum)
        {
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= minimum)
            {
                return value;
            }

            errors.Add(new KtabCsvError(fileName, line, column, $"{what}: expected an integer >= {minimum}; found '{text}'."));
            return 0;
        }

        double ParseNumber(string text, int line, int column, string what)
        {
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value))
            {
                return value;
            }

            errors.Add(new KtabCsvError(fileName, line, column, $"{what}: expected a number; found '{text}'."));
            return double.NaN;
        }
    }

    /// <summary>Writes a game in KTAB's CSV layout, numbers in round-trip form.</summary>
    /// <param name="game">The game.</param>
    /// <param name="writer">Where to write.</param>
    public static void Write(KtabGame game, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(game);
        ArgumentNullException.ThrowIfNull(writer);
        var options = CsvWriterOptions.Default with { NewLine = "\n", ValidateFieldCount = false, Injection = CsvInjection.None };
        using var csv = CsvWriter.Create(writer, options, leaveOpen: true);
        csv.WriteField(game.ScenarioName);
        csv.WriteField(game.ScenarioDescription);
        csv.WriteField(game.Actors.Count.ToString(CultureInfo.InvariantCulture));
        csv.WriteField(game.PositionHeaders.Length.ToString(CultureInfo.InvariantCulture));
        csv.EndRecord();
        csv.WriteField("Actor");
        csv.WriteField("Description");
        csv.WriteField(game.CapabilityHeader);
        for (int k = 0; k < game.PositionHeaders.Length; k++)
        {
            csv.WriteField(game.PositionHeaders[k]);
            csv.WriteField(game.SalienceHeaders[k]);
        }

        csv.EndRecord();
        foreach (var actor in game.Actors)
        {
            csv.WriteField(actor.Name);
            csv.WriteField(actor.Description);
            csv.WriteField(actor.Capability.ToString("R", CultureInfo.InvariantCulture));
            for (int k = 0; k < actor.Positions.Length; k++)
            {
                csv.WriteField(actor.Positions[k].ToString("R", CultureInfo.InvariantCulture));
                csv.WriteField(actor.Saliences[k].ToString("R", CultureInfo.InvariantCulture));
            }

            csv.EndRecord();
        }

        csv.Flush();
    }
}
