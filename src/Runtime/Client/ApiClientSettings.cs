using System;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Emr.Codegen.Runtime;

/// <summary>
/// What a client registered for dependency injection (the generated <c>AddEmrClient</c>) is built from: the region, the
/// credential and the sending options. Bindable from configuration (<see cref="Bind"/>), except the credential, which
/// comes from <see cref="Credential"/>, <see cref="CredentialProvider"/> or the environment.
/// </summary>
public sealed class ApiClientSettings
{
    /// <summary>The configuration keys <see cref="Bind"/> refuses: a key there would sit in files and logs of configuration.</summary>
    private static readonly string[] SecretKeys = { "SecretId", "SecretKey", "Token", "Credential", "Credential:SecretId", "Credential:SecretKey", "Credential:Token" };

    /// <summary>The region, e.g. <c>ap-guangzhou</c>; it also chooses the endpoint. Required.</summary>
    public string? Region { get; set; }

    /// <summary>The credential; when null, <see cref="CredentialProvider"/>, then <see cref="ApiCredential.FromEnvironment"/>.</summary>
    public ApiCredential? Credential { get; set; }

    /// <summary>Gets the credential from the container (a vault client, rotating keys) each time a client is made.</summary>
    public Func<IServiceProvider, ApiCredential>? CredentialProvider { get; set; }

    /// <summary>Endpoint, timeout, retries, validation and hooks; the defaults when null.</summary>
    public ApiClientOptions? Options { get; set; }

    /// <summary>
    /// Reads <c>Region</c>, <c>Endpoint</c>, <c>Timeout</c>, <c>MaxRetries</c>, <c>RetryBaseDelay</c>, <c>MaxRetryDelay</c>
    /// and <c>ValidateRequests</c> from a configuration section (times as <c>hh:mm:ss</c>); keys not set keep their values.
    /// </summary>
    /// <param name="read">The section's value of a key, or null (for <c>IConfiguration</c>: <c>key =&gt; section[key]</c>).</param>
    /// <exception cref="InvalidOperationException">A value is not valid, or the section holds a credential (never read from configuration).</exception>
    public void Bind(Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        foreach (string key in SecretKeys)
        {
            if (!string.IsNullOrEmpty(read(key)))
            {
                throw new InvalidOperationException("The client's configuration holds '" + key + "': credentials are not read from configuration, which is logged and checked in. Set ApiClientSettings.Credential or CredentialProvider, or the environment variables " + ApiCredential.SecretIdVariable + " and " + ApiCredential.SecretKeyVariable + ".");
            }
        }

        Region = read(nameof(Region)) is { Length: > 0 } region ? region : Region;

        // A copy: options an application shares between registrations are not changed under it.
        ApiClientOptions options = Copy(Options ?? new ApiClientOptions());
        if (read(nameof(ApiClientOptions.Endpoint)) is { Length: > 0 } endpoint)
        {
            options.Endpoint = Uri.TryCreate(endpoint, UriKind.Absolute, out Uri? uri) ? uri : throw Invalid(nameof(ApiClientOptions.Endpoint), endpoint, "an absolute address");
        }

        options.Timeout = Time(read, nameof(ApiClientOptions.Timeout), allowZero: false) ?? options.Timeout;
        options.RetryBaseDelay = Time(read, nameof(ApiClientOptions.RetryBaseDelay), allowZero: true) ?? options.RetryBaseDelay;
        options.MaxRetryDelay = Time(read, nameof(ApiClientOptions.MaxRetryDelay), allowZero: true) ?? options.MaxRetryDelay;
        if (read(nameof(ApiClientOptions.MaxRetries)) is { Length: > 0 } retries)
        {
            options.MaxRetries = int.TryParse(retries, NumberStyles.None, CultureInfo.InvariantCulture, out int count) ? count : throw Invalid(nameof(ApiClientOptions.MaxRetries), retries, "a whole number from 0");
        }

        if (read(nameof(ApiClientOptions.ValidateRequests)) is { Length: > 0 } validate)
        {
            options.ValidateRequests = bool.TryParse(validate, out bool on) ? on : throw Invalid(nameof(ApiClientOptions.ValidateRequests), validate, "true or false");
        }

        Options = options;
    }

    /// <summary>The credential: <see cref="Credential"/>, else <see cref="CredentialProvider"/>'s, else the environment's.</summary>
    /// <param name="services">The container, for the provider.</param>
    /// <returns>The credential.</returns>
    public ApiCredential ResolveCredential(IServiceProvider services) =>
        Credential ?? CredentialProvider?.Invoke(services) ?? ApiCredential.FromEnvironment();

    /// <summary>The region, or an error that says how to set it.</summary>
    /// <param name="client">The client's name, for the message.</param>
    /// <returns>The region.</returns>
    public string ResolveRegion(string client) =>
        string.IsNullOrEmpty(Region) ? throw new InvalidOperationException(client + " has no region: set Region in its options (Add" + client + "(o => o.Region = \"ap-guangzhou\")) or in its configuration section.") : Region!;

    /// <summary>A copy of <see cref="Options"/> that logs to <paramref name="logger"/> unless the options name a logger of their own.</summary>
    /// <param name="logger">The container's logger for the client, or null.</param>
    /// <returns>The options a client is built with; <see cref="Options"/> itself is not changed.</returns>
    public ApiClientOptions ResolveOptions(ILogger? logger)
    {
        ApiClientOptions options = Copy(Options ?? new ApiClientOptions());
        options.Logger ??= logger;
        return options;
    }

    private static ApiClientOptions Copy(ApiClientOptions source) => new ApiClientOptions
    {
        Endpoint = source.Endpoint,
        Timeout = source.Timeout,
        MaxRetries = source.MaxRetries,
        RetryBaseDelay = source.RetryBaseDelay,
        MaxRetryDelay = source.MaxRetryDelay,
        ValidateRequests = source.ValidateRequests,
        OnRequest = source.OnRequest,
        OnResponse = source.OnResponse,
        Logger = source.Logger,
    };

    /// <summary>
    /// A time written <c>hh:mm:ss</c> (or <c>d.hh:mm:ss</c>). A bare number is refused: .NET would read <c>60</c> as
    /// 60 days. At most a day, which a timer can hold.
    /// </summary>
    private static TimeSpan? Time(Func<string, string?> read, string key, bool allowZero)
    {
        if (read(key) is not { Length: > 0 } text)
        {
            return null;
        }

        TimeSpan value = default;
        bool valid = text.Contains(':', StringComparison.Ordinal)
            && TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out value)
            && (allowZero ? value >= TimeSpan.Zero : value > TimeSpan.Zero) && value <= TimeSpan.FromDays(1);
        return valid ? value : throw Invalid(key, text, "a time such as 00:00:30 (" + (allowZero ? "from zero" : "more than zero") + " up to a day)");
    }

    private static InvalidOperationException Invalid(string key, string value, string expected) =>
        new InvalidOperationException("The client's configuration sets " + key + " to '" + value + "', which is not " + expected + ".");
}
