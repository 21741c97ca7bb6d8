using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;

namespace Emr.Codegen.Runtime;

/// <summary>
/// The values at a path of an answer (<c>ClusterList[].Status</c>), for waiters: generated code reads the members, these
/// helpers collect what it reads. A null on the way gives no value, not an error.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ApiPath
{
    private static readonly IReadOnlyList<object?> None = Array.Empty<object?>();

    /// <summary>The one value at the end of a path without lists.</summary>
    /// <param name="value">The value, or null when the path met a null.</param>
    /// <returns>The value, as a list of one.</returns>
    public static IReadOnlyList<object?> One(object? value) => new[] { value };

    /// <summary>The values the rest of the path gives for each item of a list (<c>Name[]</c>).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The list, or null.</param>
    /// <param name="rest">The values of one item.</param>
    /// <returns>All the values, in order.</returns>
    public static IReadOnlyList<object?> Each<T>(IEnumerable<T>? items, Func<T, IReadOnlyList<object?>> rest)
    {
        if (items is null)
        {
            return None;
        }

        var values = new List<object?>();
        foreach (T item in items)
        {
            if (item is not null)
            {
                values.AddRange(rest(item));
            }
        }

        return values;
    }

    /// <summary>A value as the spec writes expected values: invariant numbers, <c>true</c>/<c>false</c>, strings and enumeration values as they are.</summary>
    internal static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        bool flag => flag ? "true" : "false",
        double number => Rules.SpecValue.FromDouble(number).Text,
        decimal number => Rules.SpecValue.FromNumber(number).Text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Appends <c>path = v1, v2</c> (or <c>(none)</c>) to a state description.</summary>
    internal static void Describe(StringBuilder state, string path, IReadOnlyList<object?> values)
    {
        if (state.Length > 0)
        {
            state.Append("; ");
        }

        state.Append(path).Append(" = ");
        if (values.Count == 0)
        {
            state.Append("(none)");
            return;
        }

        for (int i = 0; i < values.Count; i++)
        {
            state.Append(i == 0 ? string.Empty : ", ").Append(Text(values[i]) ?? "null");
        }
    }
}
