namespace Emr.Codegen.Runtime;

/// <summary>
/// What the runtime needs of a spec's error-code type: the code as the server writes it, and a way to wrap one. The
/// generator writes one such type per spec (<c>ApiErrorCode</c>, with the spec's list of codes); readers and the client
/// hand the codes they meet to it, so unknown codes are kept as they are.
/// </summary>
/// <typeparam name="TSelf">The spec's error-code type.</typeparam>
public interface IApiErrorCode<TSelf>
    where TSelf : struct, IApiErrorCode<TSelf>
{
    /// <summary>The code as the server writes it.</summary>
    string Code { get; }

    /// <summary>Wraps a code string as the server sent it.</summary>
    static abstract TSelf FromCode(string code);
}
