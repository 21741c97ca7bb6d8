using System;

namespace Emr.Codegen.Runtime;

/// <summary>A Tencent Cloud API key pair, and the session token of temporary credentials.</summary>
public sealed class ApiCredential
{
    /// <summary>The environment variables <see cref="FromEnvironment"/> reads, as the official SDKs name them.</summary>
    public const string SecretIdVariable = "TENCENTCLOUD_SECRET_ID", SecretKeyVariable = "TENCENTCLOUD_SECRET_KEY", SessionTokenVariable = "TENCENTCLOUD_SESSION_TOKEN";

    /// <summary>Creates a credential.</summary>
    /// <param name="secretId">The SecretId.</param>
    /// <param name="secretKey">The SecretKey: it signs requests and is never sent, logged or shown.</param>
    /// <param name="token">The session token of temporary credentials, or null.</param>
    public ApiCredential(string secretId, string secretKey, string? token = null)
    {
        if (string.IsNullOrEmpty(secretId))
        {
            throw new ArgumentException("The SecretId is empty.", nameof(secretId));
        }

        if (string.IsNullOrEmpty(secretKey))
        {
            throw new ArgumentException("The SecretKey is empty.", nameof(secretKey));
        }

        SecretId = secretId;
        SecretKey = secretKey;
        Token = string.IsNullOrEmpty(token) ? null : token;
    }

    /// <summary>The SecretId.</summary>
    public string SecretId { get; }

    /// <summary>The SecretKey.</summary>
    public string SecretKey { get; }

    /// <summary>The session token, or null.</summary>
    public string? Token { get; }

    /// <summary>Reads TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY and, if set, TENCENTCLOUD_SESSION_TOKEN.</summary>
    /// <exception cref="InvalidOperationException">A required variable is missing or empty; the message names it.</exception>
    public static ApiCredential FromEnvironment()
    {
        string id = Required(SecretIdVariable);
        string key = Required(SecretKeyVariable);
        return new ApiCredential(id, key, Environment.GetEnvironmentVariable(SessionTokenVariable));

        static string Required(string name)
        {
            string? value = Environment.GetEnvironmentVariable(name);
            return string.IsNullOrEmpty(value)
                ? throw new InvalidOperationException("The environment variable " + name + " is not set: set it to your Tencent Cloud API key (" + SecretIdVariable + " and " + SecretKeyVariable + ", and " + SessionTokenVariable + " for temporary credentials).")
                : value!;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => "ApiCredential(" + ApiClientRuntime.Mask(SecretId) + (Token is null ? string.Empty : ", with token") + ")";
}
