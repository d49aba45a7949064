using System.Diagnostics;
using System.Text;

namespace LiveView.Browser.Tests.Template;

/// <summary>A command line run to its end, as a user runs it in a terminal: its exit code and everything it wrote.</summary>
public static class Command
{
    /// <summary>
    /// Runs <paramref name="file"/> with <paramref name="arguments"/> in <paramref name="directory"/> and returns what it
    /// wrote; a non-zero exit code, or no end within <paramref name="timeout"/>, is a failure that shows the output.
    /// </summary>
    public static async Task<string> RunAsync(string directory, string file, IEnumerable<string> arguments, TimeSpan timeout)
    {
        using var process = new Process { StartInfo = StartInfo(directory, file, arguments) };
        var output = CapturedOutput.Of(process);
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{file} {string.Join(' ', arguments)}' did not end within {timeout}:\n{output}");
        }

        process.WaitForExit(); // the output's last lines
        var text = output.ToString();
        return process.ExitCode == 0
            ? text
            : throw new InvalidOperationException($"'{file} {string.Join(' ', arguments)}' in {directory} exited with {process.ExitCode}:\n{text}");
    }

    /// <summary>
    /// How a command starts: from <paramref name="directory"/>, its output read, and without the variables the test
    /// runner's own MSBuild and test host set (a user's terminal has none of them).
    /// </summary>
    public static ProcessStartInfo StartInfo(string directory, string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase) || name == "DOTNET_HOST_PATH")
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return start;
    }
}

/// <summary>Everything a started process writes, standard output and error as they come, readable at any time.</summary>
public sealed class CapturedOutput
{
    private readonly StringBuilder text = new();

    private CapturedOutput()
    {
    }

    /// <summary>Starts <paramref name="process"/> (its output redirected) and captures what it writes.</summary>
    public static CapturedOutput Of(Process process)
    {
        var output = new CapturedOutput();
        process.OutputDataReceived += (_, line) => output.Append(line.Data);
        process.ErrorDataReceived += (_, line) => output.Append(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return output;
    }

    /// <summary>What the process wrote so far.</summary>
    public override string ToString()
    {
        lock (text)
        {
            return text.ToString();
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (text)
            {
                text.AppendLine(line);
            }
        }
    }
}
