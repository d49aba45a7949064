using System.Diagnostics;

namespace LiveView.Bench.Hostile;

/// <summary>The commit the probe runs in, so that a report says which code it measured.</summary>
public static class GitCommit
{
    /// <summary><c>abc1234</c>, with <c>+ changes</c> when the worktree has uncommitted ones; <c>unknown</c> without git.</summary>
    public static string Current()
    {
        var commit = Git("rev-parse", "--short", "HEAD");
        if (commit is null)
        {
            return "unknown";
        }

        var changes = Git("status", "--porcelain", "--untracked-files=no");
        return string.IsNullOrEmpty(changes) ? commit : $"{commit} + uncommitted changes";
    }

    private static string? Git(params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git", arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var git = Process.Start(start);
            if (git is null)
            {
                return null;
            }

            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
