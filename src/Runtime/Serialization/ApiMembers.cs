using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

namespace Emr.Codegen.Runtime;

/// <summary>Adds a generated object's members to its table; each takes the member's getter and setter.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiMembers<T> : List<ApiMember<T>>
{
    /// <summary>Adds a string member.</summary>
    public ApiMembers<T> String(string name, Func<T, string?> get, Action<T, string?> set, bool sensitive = false) => Ref(name, ApiCodecs.String, get, set, sensitive);

    /// <summary>Adds an integer member.</summary>
    public ApiMembers<T> Int64(string name, Func<T, long?> get, Action<T, long?> set, bool sensitive = false) => Val(name, ApiCodecs.Int64, get, set, sensitive);

    /// <summary>Adds an unsigned integer member.</summary>
    public ApiMembers<T> UInt64(string name, Func<T, ulong?> get, Action<T, ulong?> set, bool sensitive = false) => Val(name, ApiCodecs.UInt64, get, set, sensitive);

    /// <summary>Adds a floating-point member.</summary>
    public ApiMembers<T> Double(string name, Func<T, double?> get, Action<T, double?> set, bool sensitive = false) => Val(name, ApiCodecs.Double, get, set, sensitive);

    /// <summary>Adds a boolean member.</summary>
    public ApiMembers<T> Boolean(string name, Func<T, bool?> get, Action<T, bool?> set, bool sensitive = false) => Val(name, ApiCodecs.Boolean, get, set, sensitive);

    /// <summary>Adds a member of a generated enumeration.</summary>
    public ApiMembers<T> Enum<E>(string name, Func<T, E?> get, Action<T, E?> set, bool sensitive = false)
        where E : struct, IApiValue<E> => Val(name, ApiCodecs.Of<E>(), get, set, sensitive);

    /// <summary>Adds a member of a generated object type.</summary>
    public ApiMembers<T> Object<V>(string name, Func<T, V?> get, Action<T, V?> set, bool sensitive = false)
        where V : class, IApiValue<V> => Ref(name, ApiCodecs.Of<V>(), get, set, sensitive);

    /// <summary>Adds a list member; <paramref name="item"/> reads and writes each item.</summary>
    public ApiMembers<T> List<V>(string name, ApiCodec<V> item, Func<T, List<V>?> get, Action<T, List<V>?> set, bool sensitive = false) =>
        Ref(name, new ApiListCodec<V>(item), get, set, sensitive);

    /// <summary>The <c>Error</c> member of a response: read and written in JSON only.</summary>
    public ApiMembers<T> Error<TCode>(Func<T, ApiError<TCode>?> get, Action<T, ApiError<TCode>?> set)
        where TCode : struct, IApiErrorCode<TCode>
    {
        Add(new ErrorMember<TCode>(get, set));
        return this;
    }

    private ApiMembers<T> Ref<V>(string name, ApiCodec<V> codec, Func<T, V?> get, Action<T, V?> set, bool sensitive)
        where V : class
    {
        Add(new RefMember<V>(name, codec, get, set, sensitive));
        return this;
    }

    private ApiMembers<T> Val<V>(string name, ApiCodec<V> codec, Func<T, V?> get, Action<T, V?> set, bool sensitive)
        where V : struct
    {
        Add(new ValMember<V>(name, codec, get, set, sensitive));
        return this;
    }

    private sealed class RefMember<V> : ApiMember<T, V>
        where V : class
    {
        private readonly Func<T, V?> _get;
        private readonly Action<T, V?> _set;

        public RefMember(string name, ApiCodec<V> codec, Func<T, V?> get, Action<T, V?> set, bool sensitive)
            : base(name, codec, sensitive)
        {
            _get = get;
            _set = set;
        }

        private protected override bool TryGet(T value, out V member) => (member = _get(value)!) is not null;

        private protected override void Set(T target, V member) => _set(target, member);

        private protected override void Unset(T target) => _set(target, null);
    }

    private sealed class ValMember<V> : ApiMember<T, V>
        where V : struct
    {
        private readonly Func<T, V?> _get;
        private readonly Action<T, V?> _set;

        public ValMember(string name, ApiCodec<V> codec, Func<T, V?> get, Action<T, V?> set, bool sensitive)
            : base(name, codec, sensitive)
        {
            _get = get;
            _set = set;
        }

        private protected override bool TryGet(T value, out V member)
        {
            V? found = _get(value);
            member = found.GetValueOrDefault();
            return found.HasValue;
        }

        private protected override void Set(T target, V member) => _set(target, member);

        private protected override void Unset(T target) => _set(target, null);
    }

    private sealed class ErrorMember<TCode> : ApiMember<T>
        where TCode : struct, IApiErrorCode<TCode>
    {
        internal override bool StrictInAnswers => true;

        private readonly Func<T, ApiError<TCode>?> _get;
        private readonly Action<T, ApiError<TCode>?> _set;

        public ErrorMember(Func<T, ApiError<TCode>?> get, Action<T, ApiError<TCode>?> set)
            : base(ApiJson.ErrorMember)
        {
            _get = get;
            _set = set;
        }

        internal override void ReadJson(ref Utf8JsonReader reader, T target, string prefix) =>
            _set(target, reader.TokenType == JsonTokenType.Null ? null : ApiError<TCode>.ReadValue(ref reader, prefix + "Error."));

        internal override void WriteJson(Utf8JsonWriter writer, T value)
        {
            if (_get(value) is { } error)
            {
                writer.WritePropertyName(JsonName);
                ApiError<TCode>.WriteValue(writer, error);
            }
        }
    }
}
