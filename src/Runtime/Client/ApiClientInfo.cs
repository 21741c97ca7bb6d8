using System;
using System.Collections.Generic;

namespace Emr.Codegen.Runtime;

/// <summary>One attempt as it is about to be sent; nothing secret is in it.</summary>
/// <param name="Action">The API action.</param>
/// <param name="Attempt">1 for the first attempt.</param>
/// <param name="Uri">Where it is sent.</param>
/// <param name="Headers">The headers, the signature and the session token masked.</param>
public sealed record ApiClientRequestInfo(string Action, int Attempt, Uri Uri, IReadOnlyList<KeyValuePair<string, string>> Headers);

/// <summary>One attempt's answer.</summary>
/// <param name="Action">The API action.</param>
/// <param name="Attempt">1 for the first attempt.</param>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="RequestId">The API's request id, if the answer has one.</param>
/// <param name="ErrorCode">The API error code as the server wrote it, if the answer is an error.</param>
/// <param name="Elapsed">How long the attempt took.</param>
/// <param name="WillRetry">Whether the request will be sent again.</param>
public sealed record ApiClientResponseInfo(string Action, int Attempt, int StatusCode, string? RequestId, string? ErrorCode, TimeSpan Elapsed, bool WillRetry);
