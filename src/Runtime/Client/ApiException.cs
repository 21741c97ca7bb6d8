using System;

namespace Emr.Codegen.Runtime;

/// <summary>
/// The API answered with an error, or with something that is not the API's answer (then <see cref="IsApiError"/> is
/// false and <see cref="HttpStatus"/> says what came back).
/// </summary>
public sealed class ApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ApiException(string action, ApiErrorCode code, string message, string? requestId, int? httpStatus, bool isApiError)
        : base(action + ": " + (isApiError ? code.Code + ": " : string.Empty) + message + (requestId is null ? string.Empty : " (RequestId " + requestId + ")"))
    {
        Action = action;
        Code = code;
        ServerMessage = message;
        RequestId = requestId;
        HttpStatus = httpStatus;
        IsApiError = isApiError;
    }

    /// <summary>The action that failed.</summary>
    public string Action { get; }

    /// <summary>The API error code (empty when the answer was not the API's).</summary>
    public ApiErrorCode Code { get; }

    /// <summary>The server's message, or what was wrong with the answer.</summary>
    public string ServerMessage { get; }

    /// <summary>The API's request id, if the answer had one.</summary>
    public string? RequestId { get; }

    /// <summary>The HTTP status of the answer.</summary>
    public int? HttpStatus { get; }

    /// <summary>Whether the answer was the API's error envelope.</summary>
    public bool IsApiError { get; }
}
