package dev.capi.persistence.support;

import org.jdbi.v3.core.Jdbi;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * A data source that hands out the connection of the Jdbi handle open on the calling thread (the caller's
 * transaction, when there is one), wrapped so that closing it leaves it open: a library that asks a data source for
 * its connection (db-scheduler's client) then writes in the caller's transaction. Outside a handle it refuses.
 */
public final class CurrentHandleDataSource implements DataSource {
    private final Jdbi jdbi;

    public CurrentHandleDataSource(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Connection getConnection() throws SQLException {
        var supplier = jdbi.getHandleScope().get();
        if (supplier == null) {
            throw new SQLException("No Jdbi handle is open on this thread");
        }
        Connection connection = supplier.getHandle().getConnection();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close":
                            return null;
                        case "isClosed":
                            return connection.isClosed();
                        default:
                            try {
                                return method.invoke(connection, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no log writer: nothing to set
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // connections are the caller's: no login happens here
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("Not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
