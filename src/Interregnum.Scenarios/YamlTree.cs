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
        try
        {
            while (parser.MoveNext())
            {
                var ev = parser.Current!;
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
                        error(L(ev.Start), C(ev.Start), $"aliases (*{alias.Value}) are not supported in scenario files; write the value out");
                        return null;
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
            error(L(ex.Start), C(ex.Start), "YAML syntax: " + Clean(ex.Message));
            return null;
        }

        return root;
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
