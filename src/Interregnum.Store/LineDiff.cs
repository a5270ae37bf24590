namespace Interregnum.Store;

/// <summary>A line removed (<c>-</c>) or added (<c>+</c>) between two texts, with its 1-based line number in its own text.</summary>
/// <param name="Sign">'-' for a removed line (numbered in the old text), '+' for an added line (numbered in the new text).</param>
/// <param name="LineNumber">The line's 1-based number in the text it belongs to.</param>
/// <param name="Text">The line without its line ending.</param>
public sealed record LineChange(char Sign, int LineNumber, string Text);

/// <summary>How two texts differ line by line.</summary>
/// <param name="LinesRemoved">Lines only in the old text.</param>
/// <param name="LinesAdded">Lines only in the new text.</param>
/// <param name="LinesUnchanged">Lines common to both (a longest common subsequence).</param>
/// <param name="Changes">The removed and added lines in order of position.</param>
public sealed record LineDiff(int LinesRemoved, int LinesAdded, int LinesUnchanged, IReadOnlyList<LineChange> Changes)
{
    // Beyond this many cells (old middle lines × new middle lines) the middle is reported as replaced whole.
    private const long MaxTableCells = 16_000_000;

    /// <summary>
    /// Compares two texts by lines (<c>\n</c>, <c>\r\n</c> and <c>\r</c> end a line): common leading and trailing lines
    /// are matched first, then a longest common subsequence of the rest.
    /// </summary>
    public static LineDiff Between(string oldText, string newText)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        var a = SplitLines(oldText);
        var b = SplitLines(newText);
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix])
        {
            suffix++;
        }

        var n = a.Length - prefix - suffix;
        var m = b.Length - prefix - suffix;
        var changes = new List<LineChange>();
        var common = prefix + suffix;
        if ((long)n * m > MaxTableCells)
        {
            for (var i = 0; i < n; i++)
            {
                changes.Add(new LineChange('-', prefix + i + 1, a[prefix + i]));
            }

            for (var j = 0; j < m; j++)
            {
                changes.Add(new LineChange('+', prefix + j + 1, b[prefix + j]));
            }
        }
        else
        {
            // lcs[i, j] = length of the longest common subsequence of a[prefix+i..] and b[prefix+j..] (middle part).
            var lcs = new int[n + 1, m + 1];
            for (var i = n - 1; i >= 0; i--)
            {
                for (var j = m - 1; j >= 0; j--)
                {
                    lcs[i, j] = a[prefix + i] == b[prefix + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
                }
            }

            int x = 0, y = 0;
            while (x < n || y < m)
            {
                if (x < n && y < m && a[prefix + x] == b[prefix + y])
                {
                    common++;
                    x++;
                    y++;
                }
                else if (x < n && (y == m || lcs[x + 1, y] >= lcs[x, y + 1]))
                {
                    // Removals before additions, as in a unified diff.
                    changes.Add(new LineChange('-', prefix + x + 1, a[prefix + x]));
                    x++;
                }
                else
                {
                    changes.Add(new LineChange('+', prefix + y + 1, b[prefix + y]));
                    y++;
                }
            }
        }

        return new LineDiff(
            changes.Count(c => c.Sign == '-'),
            changes.Count(c => c.Sign == '+'),
            common,
            changes);
    }

    private static string[] SplitLines(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var lines = text.ReplaceLineEndings("\n").Split('\n');
        // A final line ending ends the last line; it does not start an empty one.
        return lines[^1].Length == 0 ? lines[..^1] : lines;
    }
}
