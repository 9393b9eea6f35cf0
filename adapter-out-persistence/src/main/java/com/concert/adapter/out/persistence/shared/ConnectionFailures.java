package com.concert.adapter.out.persistence.shared;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Tells a database that cannot be reached from a bug or a broken rule, whatever layer wrapped the failure. */
final class ConnectionFailures {

    private ConnectionFailures() {
    }

    static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof QueryTimeoutException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && isUnavailableState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The database itself cannot be reached: a new connection could not be opened (refused, timed out, or the
     * server not accepting connections). Not one open connection that broke (a backend terminated, a socket
     * reset: the next connection may well work), not a busy pool (a wait for a connection that timed out
     * without a failure to connect), not a statement timeout.
     */
    static boolean isUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && isCannotConnectState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * An open connection broke: its socket failed, or the server ended its session (administrator command,
     * crash, shutdown). The server may still be there for a new connection.
     */
    static boolean isBrokenConnection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.SocketException || t instanceof java.io.EOFException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().equals("57P01")
                    || sql.getSQLState().equals("57P02"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * 08001: the client could not establish the connection; 08004: the server rejected it; 57P03: the server is
     * starting up or shutting down and accepts no connection now.
     */
    private static boolean isCannotConnectState(String state) {
        return "08001".equals(state) || "08004".equals(state) || "57P03".equals(state);
    }

    /**
     * SQLSTATE class 08 is a connection exception; 57P01 to 57P03 are the server shutting down or not
     * accepting connections yet; 57014 is a statement cancelled by its timeout.
     */
    private static boolean isUnavailableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("57014"));
    }
}
