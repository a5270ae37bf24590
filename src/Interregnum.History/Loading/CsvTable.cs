using System.Globalization;
using System.Text;
using CsvHelper;


namespace Interregnum.History.Loading;

/// <summary>
/// Reads one CSV file of a dataset with CsvHelper: checks that the columns a loader needs are present, then
/// hands each row to a mapping function. A row whose mapping fails with <see cref="FieldFormatException"/> is
/// recorded as a <see cref="RowIssue"/> (file, line, column, value) and skipped; the count is returned.
/// Files are decoded as UTF-8, or as Latin-1 when they are not valid UTF-8 (two of the source files are).
/// </summary>
internal static class CsvTable
{
    public static LoadResult<T> Load<T>(string dataFolder, DatasetInfo dataset, string fileName, IReadOnlyList<string> requiredColumns, Func<CsvRecord, T> map)
    {
        var relative = dataset.Folder + "/" + fileName;
        var path = Path.Combine(dataFolder, dataset.Folder, fileName);
        if (!File.Exists(path))
        {
            throw new DatasetException(DatasetCatalog.MissingMessage(dataset, dataFolder, fileName), dataset, isMissing: true);
        }

        string text;
        try
        {
            text = Decode(File.ReadAllBytes(path));
        }
        catch (IOException ex)
        {
            throw new DatasetException($"{relative}: cannot be read: {ex.Message}", dataset, isMissing: false);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new DatasetException($"{relative}: cannot be read: {ex.Message}", dataset, isMissing: false);
        }

        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            FormatProvider = CultureInfo.InvariantCulture,
        };
        using var csv = CsvReader.FromText(text, options);
        csv.ReadHeader();
        var header = csv.Headers.ToArray();
        if (header.Length == 0)
        {
            throw new DatasetException($"{relative}: the file is empty (expected a header row with columns {string.Join(", ", requiredColumns)}).", dataset, isMissing: false);
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            index.TryAdd(header[i].Trim(), i);
        }

        var missing = requiredColumns.Where(c => !index.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new DatasetException(
                $"{relative}:1: missing column(s) {string.Join(", ", missing.Select(c => "'" + c + "'"))}; the header has {string.Join(", ", header.Select(c => "'" + c + "'"))}. " +
                $"Was a column renamed? The loader expects the file as published ({dataset.Origin}).",
                dataset,
                isMissing: false);
        }

        var records = new List<T>();
        var skipped = new List<RowIssue>();
        while (csv.Read())
        {
            var line = (int)csv.LineNumber;
            var fields = new string[csv.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = csv.GetString(i) ?? string.Empty;
            }

            var row = new CsvRecord(fields, index);
            try
            {
                records.Add(map(row));
            }
            catch (FieldFormatException ex)
            {
                skipped.Add(new RowIssue(relative, line, ex.Column, ex.Value, ex.Expected));
            }
        }

        return new LoadResult<T>(relative, records, skipped);
    }

    private static string Decode(byte[] bytes)
    {
        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }
}

/// <summary>A value in a row did not have the expected form.</summary>
internal sealed class FieldFormatException(string column, string value, string expected)
    : Exception($"column '{column}': expected {expected}, found '{value}'")
{
    public string Column { get; } = column;

    public string Value { get; } = value;

    public string Expected { get; } = expected;
}

/// <summary>One data row with typed access by column name. Empty, "NA" and "." cells are missing.</summary>
internal readonly struct CsvRecord(string[] fields, IReadOnlyDictionary<string, int> index)
{
    public string Raw(string column)
    {
        var i = index[column];
        return i < fields.Length ? fields[i] : string.Empty;
    }

    public static bool IsMissing(string value) => value.Length == 0 || value == "NA" || value == "." || string.IsNullOrWhiteSpace(value);

    public string Text(string column)
    {
        var v = Raw(column).Trim();
        return IsMissing(v) ? throw new FieldFormatException(column, v, "a non-empty value") : v;
    }

    public string? OptionalText(string column)
    {
        var v = Raw(column).Trim();
        return IsMissing(v) ? null : v;
    }

    public int Int(string column) => OptionalInt(column) ?? throw new FieldFormatException(column, Raw(column), "an integer");

    public int? OptionalInt(string column)
    {
        var v = Raw(column).Trim();
        if (IsMissing(v))
        {
            return null;
        }

        if (int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i))
        {
            return i;
        }

        // Stata/R exports write some integers as 2.0 or 1e+05.
        if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && Math.Abs(d) < int.MaxValue)
        {
            return (int)d;
        }

        throw new FieldFormatException(column, v, "an integer");
    }

    public double Double(string column) => OptionalDouble(column) ?? throw new FieldFormatException(column, Raw(column), "a number");

    public double? OptionalDouble(string column)
    {
        var v = Raw(column).Trim();
        if (IsMissing(v))
        {
            return null;
        }

        return double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d
            : throw new FieldFormatException(column, v, "a number");
    }

    public bool Bool(string column)
    {
        var v = Raw(column).Trim();
        return v switch
        {
            "TRUE" or "True" or "true" or "1" => true,
            "FALSE" or "False" or "false" or "0" => false,
            _ => throw new FieldFormatException(column, v, "TRUE or FALSE"),
        };
    }

    public DateOnly Date(string column, string format = "yyyy-MM-dd") =>
        OptionalDate(column, format) ?? throw new FieldFormatException(column, Raw(column), "a date " + format);

    public DateOnly? OptionalDate(string column, string format = "yyyy-MM-dd")
    {
        var v = Raw(column).Trim();
        if (IsMissing(v))
        {
            return null;
        }

        return DateOnly.TryParseExact(v, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new FieldFormatException(column, v, "a date " + format);
    }
}
