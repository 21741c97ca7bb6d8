using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Emr.Codegen.Runtime;

/// <summary>What generated clients share: the signer (public, so that it can be checked) and the pooled connection.</summary>
public static class ApiClientRuntime
{
    /// <summary>The content type of every request; it is signed.</summary>
    public const string ContentType = "application/json";

    /// <summary>The <c>X-TC-RequestClient</c> header: this runtime and its version.</summary>
    internal static readonly string RequestClient = "Emr.Codegen/" + RuntimeContract.PackageVersion;

    private static readonly Lazy<HttpClient> s_sharedHttpClient = new Lazy<HttpClient>(() =>
        new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        });

    /// <summary>The client every generated client sends with when it is given none: one pool for the process, renewed every 5 minutes (DNS changes).</summary>
    internal static HttpClient SharedHttpClient => s_sharedHttpClient.Value;

    /// <summary>
    /// The <c>Authorization</c> header of a POST to <paramref name="endpoint"/> by TC3-HMAC-SHA256, as Tencent Cloud publishes it:
    /// signed headers <c>content-type;host</c>, the host without a port (as the official SDKs sign it).
    /// </summary>
    public static string Authorization(string secretId, string secretKey, string service, Uri endpoint, long timestamp, string body) =>
        Authorization(secretId, secretKey, service, endpoint, timestamp, body, ContentType);

    /// <summary>The same, for a body sent as <paramref name="contentType"/> (Tencent Cloud's published example uses a charset).</summary>
    internal static string Authorization(string secretId, string secretKey, string service, Uri endpoint, long timestamp, string body, string contentType)
    {
        string date = DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string query = endpoint.Query.Length > 0 ? endpoint.Query.Substring(1) : string.Empty;
        string canonicalRequest = "POST\n" + endpoint.AbsolutePath + "\n" + query + "\ncontent-type:" + contentType + "\nhost:" + endpoint.Host + "\n\ncontent-type;host\n" + Hex(SHA256.HashData(Utf8(body)));
        string scope = date + "/" + service + "/tc3_request";
        string stringToSign = "TC3-HMAC-SHA256\n" + timestamp.ToString(CultureInfo.InvariantCulture) + "\n" + scope + "\n" + Hex(SHA256.HashData(Utf8(canonicalRequest)));
        byte[] secretDate = Hmac(Utf8("TC3" + secretKey), date);
        byte[] secretService = Hmac(secretDate, service);
        byte[] secretSigning = Hmac(secretService, "tc3_request");
        string signature = Hex(Hmac(secretSigning, stringToSign));
        return "TC3-HMAC-SHA256 Credential=" + secretId + "/" + scope + ", SignedHeaders=content-type;host, Signature=" + signature;
    }

    internal static string Mask(string secret) => secret.Length <= 8 ? "****" : secret.Substring(0, 4) + "****";

    private static byte[] Utf8(string text) => global::System.Text.Encoding.UTF8.GetBytes(text);

    private static byte[] Hmac(byte[] key, string text) => HMACSHA256.HashData(key, Utf8(text));

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    /// <summary>Whether a code is the spec's rate-limit error or one of its family: the server did not act on the request.</summary>
    internal static bool IsRateLimited(string code, string rateLimitCode) => code == rateLimitCode || (code.Length > rateLimitCode.Length && code[rateLimitCode.Length] == '.' && code.StartsWith(rateLimitCode, StringComparison.Ordinal));

}
