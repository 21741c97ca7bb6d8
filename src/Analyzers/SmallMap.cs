using System;
using System.Collections.Generic;

namespace Emr.Codegen.Analyzers
{
    /// <summary>
    /// An immutable map for the handful of entries the flow analysis keeps per object and per path: an array
    /// searched in order, cheaper to copy and to read than a hashed map at this size.
    /// </summary>
    internal sealed class SmallMap<TValue>
        where TValue : class
    {
        private readonly KeyValuePair<string, TValue>[] _entries;

        private SmallMap(KeyValuePair<string, TValue>[] entries) => _entries = entries;

        public static SmallMap<TValue> Empty { get; } = new SmallMap<TValue>(Array.Empty<KeyValuePair<string, TValue>>());

        public static SmallMap<TValue> From(List<KeyValuePair<string, TValue>> entries) => entries.Count == 0 ? Empty : new SmallMap<TValue>(entries.ToArray());

        public int Count => _entries.Length;

        public IReadOnlyList<KeyValuePair<string, TValue>> Entries => _entries;

        public TValue? Get(string key)
        {
            foreach (KeyValuePair<string, TValue> entry in _entries)
            {
                if (string.Equals(entry.Key, key, StringComparison.Ordinal))
                {
                    return entry.Value;
                }
            }

            return null;
        }

        public bool ContainsKey(string key) => Get(key) != null;

        public SmallMap<TValue> Set(string key, TValue value)
        {
            for (int i = 0; i < _entries.Length; i++)
            {
                if (string.Equals(_entries[i].Key, key, StringComparison.Ordinal))
                {
                    var copy = (KeyValuePair<string, TValue>[])_entries.Clone();
                    copy[i] = new KeyValuePair<string, TValue>(key, value);
                    return new SmallMap<TValue>(copy);
                }
            }

            var grown = new KeyValuePair<string, TValue>[_entries.Length + 1];
            Array.Copy(_entries, grown, _entries.Length);
            grown[_entries.Length] = new KeyValuePair<string, TValue>(key, value);
            return new SmallMap<TValue>(grown);
        }

        public SmallMap<TValue> Remove(string key)
        {
            int index = Array.FindIndex(_entries, e => string.Equals(e.Key, key, StringComparison.Ordinal));
            if (index < 0)
            {
                return this;
            }

            var shrunk = new KeyValuePair<string, TValue>[_entries.Length - 1];
            Array.Copy(_entries, shrunk, index);
            Array.Copy(_entries, index + 1, shrunk, index, _entries.Length - index - 1);
            return new SmallMap<TValue>(shrunk);
        }
    }
}
