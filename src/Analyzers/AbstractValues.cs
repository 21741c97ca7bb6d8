using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Emr.Codegen.Runtime.Rules;
using Emr.Codegen.Spec;
using Emr.Codegen.Spec.Model;
using Microsoft.CodeAnalysis;

namespace Emr.Codegen.Analyzers
{
    /// <summary>What the analysis knows of one member: its value, where it was given, and a nested object.</summary>
    internal sealed class AbstractValue
    {
        public AbstractValue(KnownValue known, SyntaxNode? syntax, AbstractObject? obj = null)
        {
            Known = known;
            Syntax = syntax;
            Object = obj;
        }

        public KnownValue Known { get; }

        public SyntaxNode? Syntax { get; }

        public AbstractObject? Object { get; }
    }

    /// <summary>An object built in the code under analysis, with the members set on one path.</summary>
    internal sealed class AbstractObject
    {
        public AbstractObject(SpecObjectInfo info, SyntaxNode syntax, SmallMap<AbstractValue> members, bool checkedOnItsOwn = false)
        {
            Info = info;
            Syntax = syntax;
            Members = members;
            CheckedOnItsOwn = checkedOnItsOwn;
        }

        public SpecObjectInfo Info { get; }

        /// <summary>The object creation.</summary>
        public SyntaxNode Syntax { get; }

        public SmallMap<AbstractValue> Members { get; }

        /// <summary>Created outside an initializer and checked where it was created, not again with its owner.</summary>
        public bool CheckedOnItsOwn { get; }

        public AbstractObject With(string member, AbstractValue value) => new AbstractObject(Info, Syntax, Members.Set(member, value), CheckedOnItsOwn);

        /// <summary>The value at a dotted path; members never set on this path are known to be absent.</summary>
        public AbstractValue? ValueAt(string path)
        {
            if (path.IndexOf('.') < 0)
            {
                return Members.Get(path);
            }

            AbstractObject current = this;
            string[] segments = path.Split('.');
            for (int i = 0; i < segments.Length; i++)
            {
                AbstractValue? value = current.Members.Get(segments[i]);
                if (value is null)
                {
                    return null;
                }

                if (i == segments.Length - 1)
                {
                    return value;
                }

                if (value.Object is null)
                {
                    return value.Known.State == KnownState.Absent ? null : new AbstractValue(KnownValue.Unknown, null);
                }

                current = value.Object;
            }

            return null;
        }

        public KnownValue Lookup(string path) => ValueAt(path)?.Known ?? KnownValue.Absent;
    }
}
