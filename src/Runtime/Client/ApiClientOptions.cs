using System;
using Microsoft.Extensions.Logging;

namespace Emr.Codegen.Runtime;

/// <summary>How a generated client sends requests.</summary>
public sealed class ApiClientOptions
{
    /// <summary>Sends to this address instead of the region's endpoint (a proxy, a test server); signing is the same.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>How long one attempt may take; 60 seconds unless set.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many times a transient failure is sent again; 3 unless set, 0 for none.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay before jitter; each further retry doubles it, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest delay between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether a request is checked with <c>Validate()</c> before it is sent; on unless set.</summary>
    public bool ValidateRequests { get; set; } = true;

    /// <summary>Called before each attempt with its headers, the signature and token masked.</summary>
    public Action<ApiClientRequestInfo>? OnRequest { get; set; }

    /// <summary>Called after each attempt's answer (not for an attempt that failed without one).</summary>
    public Action<ApiClientResponseInfo>? OnResponse { get; set; }

    /// <summary>
    /// Where the sender logs each attempt, answer, retry, rate-limit wait and failure (event ids 1 to 6, documented in the
    /// README); null, the default, for no logging. Never logged: the request body or any member's value, the credential,
    /// the Authorization header.
    /// </summary>
    public ILogger? Logger { get; set; }
}
