/** The chat demo: a CAP Java app whose ChatService is served over websockets. */
package org.cdswebsocket.example.chat;
