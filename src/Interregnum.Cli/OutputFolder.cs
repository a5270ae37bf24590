namespace Interregnum.Cli;

/// <summary>Writes a set of files into a folder so that a crash or a bad run never leaves a partial set behind.</summary>
internal static class OutputFolder
{
    /// <summary>Writes every file to a temporary name first, then renames them all into place.</summary>
    public static void Write(DirectoryInfo dir, IReadOnlyDictionary<string, Action<TextWriter>> files)
    {
        try
        {
            dir.Create();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{dir.FullName}: cannot create the output folder: {ex.Message}", ExitCodes.MissingResource);
        }

        var staged = new List<(string Temp, string Final)>();
        try
        {
            foreach (var (name, write) in files)
            {
                var final = Path.Combine(dir.FullName, name);
                var temp = final + ".partial";
                using (var writer = new StreamWriter(temp, append: false, new System.Text.UTF8Encoding(false)))
                {
                    write(writer);
                }

                staged.Add((temp, final));
            }

            foreach (var (temp, final) in staged)
            {
                File.Move(temp, final, overwrite: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            foreach (var (temp, _) in staged)
            {
                File.Delete(temp);
            }

            throw new CliException($"{dir.FullName}: cannot write the output files: {ex.Message}", ExitCodes.MissingResource);
        }
    }
}
