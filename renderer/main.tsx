import './styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { getConnection, getDssApi } from './api/get-dss-api'
import { App } from './components/app'
import { appStore } from './store/app-store'
import { watchConnection } from './store/connection-slice'
import { startSubscriptions } from './store/subscriptions'

startSubscriptions(appStore, getDssApi())
const connection = getConnection()
if (connection) watchConnection(appStore, connection)

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element.')

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
