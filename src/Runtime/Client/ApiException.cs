using System;

namespace Emr.Codegen.Runtime;

/// <summary>
/// The API answered with an error, or with something that is not the API's answer (then <see cref="IsApiError"/> is
/// false and <see cref="HttpStatus"/> says what came back). Every generated client throws
/// <see cref="ApiException{TCode}"/>, which adds the spec's typed code; catch this type to handle any service's errors.
/// </summary>
public abstract class ApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="action">The action that failed.</param>
    /// <param name="errorCode">The code as the server wrote it; empty when the answer was not the API's.</param>
    /// <param name="message">The server's message, or what was wrong with the answer.</param>
    /// <param name="requestId">The API's request id, if the answer had one.</param>
    /// <param name="httpStatus">The HTTP status of the answer.</param>
    /// <param name="isApiError">Whether the answer was the API's error envelope.</param>
    protected ApiException(string action, string errorCode, string message, string? requestId, int? httpStatus, bool isApiError)
        : base(action + ": " + (isApiError ? errorCode + ": " : string.Empty) + message + (requestId is null ? string.Empty : " (RequestId " + requestId + ")"))
    {
        Action = action;
        ErrorCode = errorCode;
        ServerMessage = message;
        RequestId = requestId;
        HttpStatus = httpStatus;
        IsApiError = isApiError;
    }

    /// <summary>The action that failed.</summary>
    public string Action { get; }

    /// <summary>The API error code as the server wrote it (empty when the answer was not the API's).</summary>
    public string ErrorCode { get; }

    /// <summary>The server's message, or what was wrong with the answer.</summary>
    public string ServerMessage { get; }

    /// <summary>The API's request id, if the answer had one.</summary>
    public string? RequestId { get; }

    /// <summary>The HTTP status of the answer.</summary>
    public int? HttpStatus { get; }

    /// <summary>Whether the answer was the API's error envelope.</summary>
    public bool IsApiError { get; }
}

/// <summary>An <see cref="ApiException"/> with the code typed as the spec's error-code type.</summary>
/// <typeparam name="TCode">The spec's error-code type (<c>ApiErrorCode</c>): its <c>Kind</c> names the listed codes.</typeparam>
public sealed class ApiException<TCode> : ApiException
    where TCode : struct, IApiErrorCode<TCode>
{
    /// <summary>Creates the exception.</summary>
    /// <param name="action">The action that failed.</param>
    /// <param name="code">The API error code (default when the answer was not the API's).</param>
    /// <param name="message">The server's message, or what was wrong with the answer.</param>
    /// <param name="requestId">The API's request id, if the answer had one.</param>
    /// <param name="httpStatus">The HTTP status of the answer.</param>
    /// <param name="isApiError">Whether the answer was the API's error envelope.</param>
    public ApiException(string action, TCode code, string message, string? requestId, int? httpStatus, bool isApiError)
        : base(action, code.Code, message, requestId, httpStatus, isApiError)
        => Code = code;

    /// <summary>The API error code (empty when the answer was not the API's); unknown codes are kept as they are.</summary>
    public TCode Code { get; }
}
