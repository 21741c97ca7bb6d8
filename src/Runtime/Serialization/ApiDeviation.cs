using System.Collections.Generic;
using System.Text.Json;

namespace Emr.Codegen.Runtime;

/// <summary>
/// A member of a server's answer that differs from the documented type (a number where a string is documented, an
/// object or a string where a list is): kept as the JSON the server sent, so that the rest of the answer, and the
/// answer itself, is never lost because of it.
/// </summary>
public sealed class ApiDeviation
{
    internal ApiDeviation(string path, string rawJson, string problem, bool readAnyway)
    {
        Path = path;
        RawJson = rawJson;
        Problem = problem;
        ReadAnyway = readAnyway;
    }

    /// <summary>The member's path in the answer, as the server wrote it: <c>InstanceId</c>, <c>ClusterList[2].Status</c>.</summary>
    public string Path { get; }

    /// <summary>The member's value exactly as the server sent it.</summary>
    public string RawJson { get; }

    /// <summary>What differs from the documented type.</summary>
    public string Problem { get; }

    /// <summary>
    /// Whether the typed property still holds the value, read from another JSON kind without loss (the digits of a
    /// number where a string is documented); otherwise it is unset and only <see cref="RawJson"/> has it.
    /// </summary>
    public bool ReadAnyway { get; }

    /// <inheritdoc/>
    public override string ToString() => Path + ": " + Problem + (ReadAnyway ? " (read anyway)" : " (kept as raw JSON)") + ": " + RawJson;
}

/// <summary>
/// The deviations of the answer being read on this thread. Only a response envelope collects them; requests and
/// <c>FromJson</c> stay strict and throw.
/// </summary>
internal static class ApiDeviations
{
    [System.ThreadStatic]
    private static bool collecting;

    /// <summary>The deviations found so far, made on the first one: an answer as documented allocates nothing for them.</summary>
    [System.ThreadStatic]
    private static List<ApiDeviation>? found;

    /// <summary>Whether members that differ from their type are kept instead of thrown.</summary>
    public static bool Collecting => collecting;

    /// <summary>Starts collecting for one answer, returning what was active (a reader may be re-entered), for <see cref="End"/>.</summary>
    public static (bool Collecting, List<ApiDeviation>? Found) Begin()
    {
        (bool, List<ApiDeviation>?) saved = (collecting, found);
        collecting = true;
        found = null;
        return saved;
    }

    /// <summary>Ends collecting: the deviations of this answer (null when there were none); what was active before is restored.</summary>
    public static List<ApiDeviation>? End((bool Collecting, List<ApiDeviation>? Found) saved)
    {
        List<ApiDeviation>? result = found;
        (collecting, found) = saved;
        return result;
    }

    public static void Add(ApiDeviation deviation) => (found ??= new List<ApiDeviation>()).Add(deviation);

    /// <summary>
    /// The same value as a JSON string, when a string reads it without loss: the digits of a number or the word of a
    /// boolean (their raw text holds no character a JSON string must escape).
    /// </summary>
    public static string? AsString(JsonElement element) => element.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
        ? "\"" + element.GetRawText() + "\""
        : null;
}
