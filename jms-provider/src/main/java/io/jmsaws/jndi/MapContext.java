package io.jmsaws.jndi;

import io.jmsaws.destination.JmsAwsQueue;
import io.jmsaws.destination.JmsAwsTopic;

import javax.naming.Binding;
import javax.naming.CompositeName;
import javax.naming.Context;
import javax.naming.Name;
import javax.naming.NameAlreadyBoundException;
import javax.naming.NameClassPair;
import javax.naming.NameNotFoundException;
import javax.naming.NameParser;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.OperationNotSupportedException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A flat, in-memory JNDI context. Binding is allowed (test suites and frameworks bind their own
 * objects), but nothing is persisted: it lives as long as the InitialContext.
 */
public class MapContext implements Context {
    static final String DYNAMIC_QUEUES = "dynamicQueues/";
    static final String DYNAMIC_TOPICS = "dynamicTopics/";

    private final Map<String, Object> bindings;
    private final Hashtable<Object, Object> environment;

    public MapContext(Map<String, Object> bindings, Hashtable<?, ?> environment) {
        this.bindings = new ConcurrentHashMap<>(bindings);
        this.environment = new Hashtable<>(environment);
    }

    @Override
    public Object lookup(String name) throws NamingException {
        if (name == null || name.isEmpty()) return this;
        Object o = bindings.get(name);
        if (o != null) return o;
        if (name.startsWith(DYNAMIC_QUEUES) && name.length() > DYNAMIC_QUEUES.length()) {
            return new JmsAwsQueue(name.substring(DYNAMIC_QUEUES.length()));
        }
        if (name.startsWith(DYNAMIC_TOPICS) && name.length() > DYNAMIC_TOPICS.length()) {
            return new JmsAwsTopic(name.substring(DYNAMIC_TOPICS.length()));
        }
        throw new NameNotFoundException("'" + name + "' is not bound; bound names: " + new java.util.TreeSet<>(bindings.keySet()));
    }

    @Override public Object lookup(Name name) throws NamingException { return lookup(name.toString()); }

    @Override
    public void bind(String name, Object obj) throws NamingException {
        if (bindings.putIfAbsent(name, obj) != null) throw new NameAlreadyBoundException(name);
    }

    @Override public void bind(Name name, Object obj) throws NamingException { bind(name.toString(), obj); }
    @Override public void rebind(String name, Object obj) { bindings.put(name, obj); }
    @Override public void rebind(Name name, Object obj) { rebind(name.toString(), obj); }
    @Override public void unbind(String name) { bindings.remove(name); }
    @Override public void unbind(Name name) { unbind(name.toString()); }

    @Override
    public void rename(String oldName, String newName) throws NamingException {
        Object o = lookup(oldName);
        bind(newName, o);
        unbind(oldName);
    }

    @Override public void rename(Name oldName, Name newName) throws NamingException { rename(oldName.toString(), newName.toString()); }

    @Override
    public NamingEnumeration<NameClassPair> list(String name) throws NamingException {
        return enumeration(bindings.entrySet().stream()
                .map(e -> new NameClassPair(e.getKey(), e.getValue().getClass().getName())).iterator());
    }

    @Override public NamingEnumeration<NameClassPair> list(Name name) throws NamingException { return list(name.toString()); }

    @Override
    public NamingEnumeration<Binding> listBindings(String name) throws NamingException {
        return enumeration(bindings.entrySet().stream().map(e -> new Binding(e.getKey(), e.getValue())).iterator());
    }

    @Override public NamingEnumeration<Binding> listBindings(Name name) throws NamingException { return listBindings(name.toString()); }

    private static <T> NamingEnumeration<T> enumeration(Iterator<T> it) {
        return new NamingEnumeration<>() {
            @Override public T next() { return it.next(); }
            @Override public boolean hasMore() { return it.hasNext(); }
            @Override public void close() { }
            @Override public boolean hasMoreElements() { return it.hasNext(); }
            @Override public T nextElement() { return it.next(); }
        };
    }

    @Override public void destroySubcontext(String name) throws NamingException { throw new OperationNotSupportedException("flat context"); }
    @Override public void destroySubcontext(Name name) throws NamingException { throw new OperationNotSupportedException("flat context"); }
    @Override public Context createSubcontext(String name) throws NamingException { throw new OperationNotSupportedException("flat context"); }
    @Override public Context createSubcontext(Name name) throws NamingException { throw new OperationNotSupportedException("flat context"); }
    @Override public Object lookupLink(String name) throws NamingException { return lookup(name); }
    @Override public Object lookupLink(Name name) throws NamingException { return lookup(name); }
    @Override public NameParser getNameParser(String name) { return CompositeName::new; }
    @Override public NameParser getNameParser(Name name) { return CompositeName::new; }
    @Override public Name composeName(Name name, Name prefix) throws NamingException { return ((Name) prefix.clone()).addAll(name); }
    @Override public String composeName(String name, String prefix) { return prefix.isEmpty() ? name : prefix + "/" + name; }
    @Override public Object addToEnvironment(String propName, Object propVal) { return environment.put(propName, propVal); }
    @Override public Object removeFromEnvironment(String propName) { return environment.remove(propName); }
    @Override public Hashtable<?, ?> getEnvironment() { return new Hashtable<>(environment); }
    @Override public void close() { }
    @Override public String getNameInNamespace() { return ""; }

}
