using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Interregnum.Scenarios;

/// <summary>A node of a parsed scenario document with where it starts (1-based line and column).</summary>
internal abstract record YNode(int Line, int Column);

/// <summary>A scalar; <see cref="Quoted"/> is true for '...' and "..." scalars (always strings).</summary>
internal sealed record YScalar(int Line, int Column, string Value, bool Quoted) : YNode(Line, Column)
{
    /// <summary>True for a plain null (<c>~</c>, <c>null</c>, or nothing).</summary>
    public bool IsNull => !Quoted && Value is "" or "~" or "null" or "Null" or "NULL";
}

/// <summary>A sequence.</summary>
internal sealed record YSequence(int Line, int Column, List<YNode> Items) : YNode(Line, Column);

/// <summary>A mapping with scalar keys, in document order.</summary>
internal sealed record YMapping(int Line, int Column, List<KeyValuePair<YScalar, YNode>> Entries) : YNode(Line, Column);

/// <summary>
/// Builds a <see cref="YNode"/> tree from YamlDotNet's event parser, iteratively (no recursion), rejecting
/// what a scenario never needs and an attacker could abuse: anchors and aliases (alias bombs), nesting
/// deeper than <see cref="MaxDepth"/>, more than one document, and non-scalar keys.
/// </summary>
internal static class YamlTreeBuilder
{
    /// <summary>The deepest nesting of mappings and sequences a scenario may use.</summary>
    public const int MaxDepth = 32;

    public static YNode? Build(string text, Action<int, int, string> error)
    {
        var parser = new Parser(new StringReader(text));
        var stack = new Stack<(YNode Container, YScalar? PendingKey)>();
        YNode? root = null;
        var documents = 0;
        Mark last = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                var ev = parser.Current!;
                last = ev.End;
                switch (ev)
                {
                    case DocumentStart:
                        documents++;
                        if (documents > 1)
                        {
                            error(L(ev.Start), C(ev.Start), "a scenario file holds one document; found a second ('---')");
                            return root;
                        }

                        continue;
                    case AnchorAlias alias:
                    {
                        // A '*' read as an alias is most often the work of a quote left open above it.
                        var (line, column, message) = RunOnQuote(text, L(ev.Start))
                            ?? (L(ev.Start), C(ev.Start), $"aliases (*{alias.Value}) are not supported in scenario files; write the value out");
                        error(line, column, message);
                        return null;
                    }

                    case StreamStart or StreamEnd or DocumentEnd or Comment:
                        continue;
                }

                if (ev is NodeEvent { Anchor.IsEmpty: false } anchored)
                {
                    error(L(ev.Start), C(ev.Start), $"anchors (&{anchored.Anchor.Value}) are not supported in scenario files; write the value out");
                    return null;
                }

                YNode? completed = null;
                switch (ev)
                {
                    case Scalar s:
                        completed = new YScalar(L(s.Start), C(s.Start), s.Value, s.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded);
                        break;
                    case MappingStart:
                    case SequenceStart:
                        if (stack.Count >= MaxDepth)
                        {
                            error(L(ev.Start), C(ev.Start), $"nesting deeper than {MaxDepth} levels; a scenario never needs that much");
                            return null;
                        }

                        YNode container = ev is MappingStart
                            ? new YMapping(L(ev.Start), C(ev.Start), [])
                            : new YSequence(L(ev.Start), C(ev.Start), []);
                        if (stack.Count > 0 && stack.Peek().Container is YMapping && stack.Peek().PendingKey is null)
                        {
                            error(L(ev.Start), C(ev.Start), "a key must be a plain name, not a mapping or a list");
                            return null;
                        }

                        stack.Push((container, null));
                        continue;
                    case MappingEnd:
                    case SequenceEnd:
                        completed = stack.Pop().Container;
                        break;
                }

                if (completed is null)
                {
                    continue;
                }

                if (stack.Count == 0)
                {
                    root = completed;
                    continue;
                }

                var (parent, pendingKey) = stack.Pop();
                switch (parent)
                {
                    case YSequence seq:
                        seq.Items.Add(completed);
                        stack.Push((parent, null));
                        break;
                    case YMapping map when pendingKey is null:
                        // completed is a key (only scalars reach here; containers are rejected above).
                        stack.Push((parent, (YScalar)completed));
                        break;
                    case YMapping map:
                        map.Entries.Add(new(pendingKey, completed));
                        stack.Push((parent, null));
                        break;
                }
            }
        }
        catch (YamlException ex)
        {
            var (line, column, message) = Explain(text, L(ex.Start), C(ex.Start), Clean(ex.Message), stack);
            error(line, column, message);
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 16 throws this (not a YamlException) for some unclosed flow collections; the input's
            // fault all the same, so it is explained from what was read so far.
            var (line, column, message) = Explain(text, L(last), C(last), "the YAML cannot be read past this point", stack);
            error(line, column, message);
            return null;
        }

        return root;
    }

    /// <summary>
    /// Turns a parser failure into the fault a person would fix: a tab in the indentation (YAML indents with
    /// spaces only), a '{' or '[' never closed, a quote never closed; otherwise the parser's own words.
    /// </summary>
    private static (int Line, int Column, string Message) Explain(string text, int line, int column, string message, Stack<(YNode Container, YScalar? PendingKey)> open)
    {
        // Tabs are only looked for when the parse failed, and only up to the line after the failure (the scanner
        // may stop on the line before the tab when the tab breaks a block's indentation).
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length && i <= line; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && tab < indent && indent < lines[i].TrimEnd('\r').Length)
            {
                return (i + 1, tab + 1, "a tab in the indentation: YAML indents with spaces only; replace the tab with spaces");
            }
        }

        foreach (var (container, _) in open)
        {
            if (container.Line > 0 && container.Line <= lines.Length)
            {
                var opener = container.Column - 1 < lines[container.Line - 1].Length ? lines[container.Line - 1][container.Column - 1] : ' ';
                if (opener is '{' or '[')
                {
                    var closer = opener == '{' ? '}' : ']';
                    return (container.Line, container.Column, $"'{opener}' opened here is never closed: add '{closer}' at the end of the {(opener == '{' ? "mapping" : "list")} (or the list and mapping brackets do not match)");
                }
            }
        }

        if (RunOnQuote(text, line) is { } runOn)
        {
            return runOn;
        }

        if (message.Contains("quoted scalar", StringComparison.OrdinalIgnoreCase))
        {
            return (line, column, "a quoted text is never closed: add the closing quote on the same line (or remove the opening one)");
        }

        return (line, column, "YAML syntax: " + message);
    }

    /// <summary>
    /// A quote left open swallows the following lines (YAML lets quoted text run over lines) until the next quote
    /// mark, where the parser then fails: the fault is the opening quote, on the nearest line above the failure
    /// whose value opens a quote it does not close.
    /// </summary>
    private static (int Line, int Column, string Message)? RunOnQuote(string text, int line)
    {
        var lines = text.Split('\n');
        for (var i = Math.Min(line, lines.Length) - 2; i >= 0 && i >= line - 200; i--)
        {
            var opening = UnclosedQuote(lines[i]);
            if (opening >= 0)
            {
                return (i + 1, opening + 1, $"a quoted text opened here is never closed on its line (the parser read on to line {line}): add the closing quote");
            }
        }

        return null;
    }

    /// <summary>The index of a quote that opens a value (after ": " or "- ") and is not closed on the line, or −1.</summary>
    private static int UnclosedQuote(string line)
    {
        var trimmed = line.TrimStart();
        var start = trimmed.StartsWith("- ", StringComparison.Ordinal) ? line.Length - trimmed.Length + 2 : line.IndexOf(": ", StringComparison.Ordinal) + 2;
        while (start >= 2 && start < line.Length && line[start] == ' ')
        {
            start++;
        }

        if (start < 2 || start >= line.Length || line[start] is not ('\'' or '"'))
        {
            return -1;
        }

        var quote = line[start];
        for (var i = start + 1; i < line.Length; i++)
        {
            if (quote == '"' && line[i] == '\\')
            {
                i++;
            }
            else if (line[i] == quote)
            {
                if (quote == '\'' && i + 1 < line.Length && line[i + 1] == '\'')
                {
                    i++;
                    continue;
                }

                return -1;
            }
        }

        return start;
    }

    private static int L(Mark m) => (int)Math.Clamp(m.Line, 1, int.MaxValue);

    private static int C(Mark m) => (int)Math.Clamp(m.Column, 1, int.MaxValue);

    private static string Clean(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the position is already in the error.
        var i = message.IndexOf("): ", StringComparison.Ordinal);
        var text = i >= 0 && message.StartsWith('(') ? message[(i + 3)..] : message;
        return text.Trim();
    }
}
