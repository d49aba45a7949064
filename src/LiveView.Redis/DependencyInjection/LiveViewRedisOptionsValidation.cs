using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LiveView.Redis;

/// <summary>Checks the backplane's settings when the application starts: a misconfigured backplane stops the start.</summary>
internal sealed class LiveViewRedisOptionsValidation : IValidateOptions<LiveViewRedisOptions>
{
    public const string NoServer =
        "LiveView:Redis needs a server: AddRedis(\"host:6379\"), AddRedis(options => options.ConnectionString = ...) or "
        + "the LiveView:Redis:ConnectionString setting.";

    public ValidateOptionsResult Validate(string? name, LiveViewRedisOptions options)
    {
        List<string> failures = [];
        if (options.Configuration is null)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                failures.Add(NoServer);
            }
            else if (ParseFailure(options.ConnectionString) is { } failure)
            {
                failures.Add($"LiveView:Redis:ConnectionString is not a valid StackExchange.Redis connection string: {failure}");
            }
        }

        if (string.IsNullOrWhiteSpace(options.ChannelPrefix))
        {
            failures.Add("LiveView:Redis:ChannelPrefix cannot be empty.");
        }

        if (options.HeartbeatInterval <= TimeSpan.Zero)
        {
            failures.Add("LiveView:Redis:HeartbeatInterval must be longer than zero.");
        }

        if (options.NodeTimeout < 2 * options.HeartbeatInterval)
        {
            failures.Add(
                $"LiveView:Redis:NodeTimeout ({options.NodeTimeout}) must be at least twice the HeartbeatInterval "
                + $"({options.HeartbeatInterval}), or live nodes would be taken for dead.");
        }

        if (options.SerializerOptions is null)
        {
            failures.Add("LiveView:Redis:SerializerOptions cannot be null.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? ParseFailure(string connectionString)
    {
        try
        {
            var parsed = ConfigurationOptions.Parse(connectionString);
            return parsed.EndPoints.Count == 0 ? "it names no server." : null;
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }
    }
}
